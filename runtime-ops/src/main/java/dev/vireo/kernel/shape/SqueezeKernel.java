package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Squeeze and Unsqueeze, as views. Axes come from the {@code axes} attribute before opset 13 and
 * from optional input 1 from opset 13. Squeeze without axes removes every dim of size 1;
 * Unsqueeze's axes refer to the output rank.
 */
public final class SqueezeKernel implements Kernel {
  private final boolean unsqueeze;
  private final long[] attrAxes;
  private final boolean axesInput;

  public SqueezeKernel(Node n, boolean unsqueeze) {
    this.unsqueeze = unsqueeze;
    // opset 13: axes moved from an attribute to input 1
    axesInput = n.opset() >= 13;
    attrAxes = axesInput ? null : n.attrInts("axes", null);
    if (unsqueeze && !axesInput && attrAxes == null) {
      throw new IllegalArgumentException("Unsqueeze needs the axes attribute before opset 13");
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    long[] axes = attrAxes;
    if (axesInput && inputs.length > 1 && inputs[1] != null) {
      axes = Axes.values(inputs[1], n() + " axes");
    }
    if (unsqueeze && axes == null) {
      throw new IllegalArgumentException("Unsqueeze needs axes (input 1)");
    }
    int[] d = x.shape().dims();
    return new Tensor[] {x.reshape(Shape.of(unsqueeze ? unsqueezed(d, axes) : squeezed(d, axes)))};
  }

  private String n() {
    return unsqueeze ? "Unsqueeze" : "Squeeze";
  }

  static int[] squeezed(int[] d, long[] axes) {
    boolean[] drop = new boolean[d.length];
    if (axes == null) {
      for (int i = 0; i < d.length; i++) {
        drop[i] = d[i] == 1;
      }
    } else {
      for (int a : Axes.normalize(axes, d.length, "Squeeze axes")) {
        if (d[a] != 1) {
          throw new IllegalArgumentException("Squeeze: dim " + a + " of " + Arrays.toString(d)
              + " is " + d[a] + ", not 1");
        }
        drop[a] = true;
      }
    }
    int[] out = new int[d.length];
    int k = 0;
    for (int i = 0; i < d.length; i++) {
      if (!drop[i]) {
        out[k++] = d[i];
      }
    }
    return Arrays.copyOf(out, k);
  }

  static int[] unsqueezed(int[] d, long[] axes) {
    int r = d.length + axes.length;
    boolean[] ins = new boolean[r];
    for (int a : Axes.normalize(axes, r, "Unsqueeze axes")) {
      ins[a] = true;
    }
    int[] out = new int[r];
    int k = 0;
    for (int i = 0; i < r; i++) {
      out[i] = ins[i] ? 1 : d[k++];
    }
    return out;
  }
}
