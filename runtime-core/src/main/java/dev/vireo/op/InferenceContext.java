package dev.vireo.op;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;

/** What shape inference knows about one node: its attributes, input types and constant inputs. */
public final class InferenceContext {
  private final Node node;

  public InferenceContext(Node node) {
    this.node = node;
  }

  public Node node() {
    return node;
  }

  public int inputCount() {
    return node.inputs().size();
  }

  /** Whether input i is given (not omitted). */
  public boolean hasInput(int i) {
    return node.input(i) != null;
  }

  /** The type of input i, or null when omitted or unknown. */
  public ValueType inputType(int i) {
    Value v = node.input(i);
    return v == null ? null : v.type();
  }

  /** The tensor type of input i, or a fully unknown tensor type. */
  public TensorType tensor(int i) {
    return inputType(i) instanceof TensorType t ? t : new TensorType(null, null);
  }

  /** The element type of input i, or null. */
  public DType elemType(int i) {
    return tensor(i).elemType();
  }

  /**
   * The constant value of input i (an initializer or a Constant node's value in any of its
   * attribute forms), or null.
   */
  public Tensor constant(int i) {
    Value v = node.input(i);
    if (v == null) {
      return null;
    }
    if (v.initializer() != null) {
      return v.initializer();
    }
    Node p = v.producer();
    if (p != null && p.opType().equals("Constant") && p.domain().isEmpty()) {
      try {
        return dev.vireo.op.shape.ConstantDef.value(p);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** A tensor type with these dims. */
  public static TensorType tensorType(DType t, List<Dim> dims) {
    return new TensorType(t, dims);
  }
}
