package dev.vireo.op;

import dev.vireo.ir.ValueType;
import java.util.List;

/**
 * An operator's definition, independent of any kernel: its identity and its type and shape
 * inference. One class per op; no math here.
 */
public interface OpDef {
  /** The domain, "" for ai.onnx. */
  String domain();

  String opType();

  /**
   * Infers the node's output types from what is known of its inputs. Unknown parts stay unknown
   * (a null element type, an unknown dim or an unknown rank); only contradictions throw.
   *
   * @return one type per node output (null where nothing can be said)
   * @throws IllegalArgumentException naming what was expected and what was found, with shapes
   */
  List<ValueType> infer(InferenceContext ctx);
}
