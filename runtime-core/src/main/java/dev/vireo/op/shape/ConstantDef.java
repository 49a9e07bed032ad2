package dev.vireo.op.shape;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * Constant: the type and shape of its value, given by exactly one of {@code value} or (opset 12+)
 * {@code value_float}, {@code value_floats}, {@code value_int}, {@code value_ints}, {@code
 * value_string}, {@code value_strings}. Sparse values are rejected.
 */
public final class ConstantDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Constant";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    Tensor v = value(ctx.node());
    return List.of(TensorType.of(v.dtype(), v.shape()));
  }

  /**
   * The tensor a Constant node holds.
   *
   * @throws IllegalArgumentException when it has no value attribute, several, or a sparse one
   */
  public static Tensor value(Node n) {
    Tensor v = null;
    int found = 0;
    for (Attribute a : n.attributes().values()) {
      Tensor t = switch (a.name()) {
        case "value" -> a.tensorValue();
        // opset 12: scalar and list forms of the value
        case "value_float" -> Tensor.scalar(a.floatValue());
        case "value_floats" -> {
          float[] f = a.floatsValue();
          yield Tensor.of(f, f.length);
        }
        case "value_int" -> Tensor.scalar(a.intValue());
        case "value_ints" -> {
          long[] l = a.intsValue();
          yield Tensor.of(l, l.length);
        }
        case "value_string" -> Tensor.wrap(DType.STRING, Shape.SCALAR, new String[] {a.stringValue()});
        case "value_strings" -> {
          List<String> s = a.stringsValue();
          yield Tensor.of(s.toArray(new String[0]), s.size());
        }
        case "sparse_value" -> throw new IllegalArgumentException(
            "Constant with sparse_value is not supported");
        default -> null;
      };
      if (t != null) {
        v = t;
        found++;
      }
    }
    if (found != 1) {
      throw new IllegalArgumentException("Constant needs exactly one value attribute, found " + found);
    }
    return v;
  }
}
