package dev.vireo.op;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds single nodes with typed (or constant) inputs for shape-inference tests. */
public final class InferenceNodes {
  private InferenceNodes() {}

  /** A typed input value. */
  public static Value typed(ValueType t) {
    return new Value("v" + System.identityHashCode(t), t);
  }

  /** A constant input value. */
  public static Value constant(Tensor t) {
    Value v = new Value("c" + System.identityHashCode(t), ValueType.TensorType.of(t.dtype(), t.shape()));
    v.setInitializer(t);
    return v;
  }

  /** Infers the outputs of a node of op at opset over these inputs (null = omitted). */
  public static List<ValueType> infer(OpDef def, int opset, List<Attribute> attrs, Value... inputs) {
    Map<String, Attribute> a = new LinkedHashMap<>();
    for (Attribute at : attrs) {
      a.put(at.name(), at);
    }
    List<Value> outs = new ArrayList<>();
    outs.add(new Value("out0", null));
    outs.add(new Value("out1", null));
    Node n = new Node("n", "", def.opType(), opset, java.util.Arrays.asList(inputs), outs, a);
    return def.infer(new InferenceContext(n));
  }
}
