package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * Constant: its tensor, built once from exactly one of {@code value} or (opset 12+) {@code
 * value_float}, {@code value_floats}, {@code value_int}, {@code value_ints}, {@code
 * value_string}, {@code value_strings}. Sparse values are rejected.
 */
public final class ConstantKernel implements Kernel {
  private final Tensor value;

  public ConstantKernel(Node n) {
    value = value(n);
  }

  /**
   * The constant a Constant node holds.
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

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    return new Tensor[] {value};
  }
}
