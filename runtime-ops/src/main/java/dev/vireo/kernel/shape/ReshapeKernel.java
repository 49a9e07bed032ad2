package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Reshape (opset 5+, shape as input 1): a 0 copies the input's dim at that position (unless
 * allowzero=1, opset 14+, where 0 means an empty dim), one -1 is inferred. Returns a view.
 */
public final class ReshapeKernel implements Kernel {
  private final boolean allowZero;

  public ReshapeKernel(Node n) {
    // opset 14: allowzero makes 0 a literal dim
    allowZero = n.opset() >= 14 && n.attrInt("allowzero", 0) != 0;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    long[] req = Axes.values(inputs[1], "Reshape shape");
    return new Tensor[] {x.reshape(Shape.of(target(x.shape(), req, allowZero)))};
  }

  /**
   * The output dims for an input shape and a requested shape.
   *
   * @throws IllegalArgumentException naming both shapes when they do not fit
   */
  public static long[] target(Shape in, long[] req, boolean allowZero) {
    long[] out = new long[req.length];
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < req.length; i++) {
      long v = req[i];
      if (v == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException("cannot reshape " + in + " to " + Arrays.toString(req)
              + ": more than one -1");
        }
        unknown = i;
        continue;
      }
      if (v == 0 && !allowZero) {
        if (i >= in.rank()) {
          throw new IllegalArgumentException("cannot reshape " + in + " to " + Arrays.toString(req)
              + ": 0 at position " + i + " has no input dim to copy");
        }
        v = in.dim(i);
      } else if (v < 0) {
        throw new IllegalArgumentException("cannot reshape " + in + " to " + Arrays.toString(req)
            + ": invalid dim " + v);
      }
      out[i] = v;
      known *= v;
    }
    if (unknown >= 0) {
      if (known == 0 || in.size() % known != 0) {
        throw new IllegalArgumentException("cannot reshape " + in + " to " + Arrays.toString(req)
            + ": " + in.size() + " elements do not divide into dims of product " + known);
      }
      out[unknown] = in.size() / known;
    } else if (known != in.size()) {
      throw new IllegalArgumentException("cannot reshape " + in + " (" + in.size() + " elements) to "
          + Arrays.toString(req) + " (" + known + " elements)");
    }
    return out;
  }
}
