package dev.vireo.kernel.layout;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Pad in mode constant, reflect, edge or wrap. Before opset 11 pads and the constant value are
 * attributes; from 11 they are inputs 1 and 2, and from 18 input 3 names the padded axes. Pads
 * are [x1_begin, x2_begin, ..., x1_end, x2_end, ...]; negative pads crop, and the other modes
 * then pad from the cropped data. Pads longer than the axis keep reflecting or wrapping, as
 * numpy's pad does (onnxruntime rejects such reflect pads). Any element type.
 */
public final class PadKernel implements Kernel {
  private enum Mode { CONSTANT, REFLECT, EDGE, WRAP }

  private final Mode mode;
  private final long[] attrPads;
  private final double attrValue;
  private final boolean inputs;

  public PadKernel(Node n) {
    String m = n.attrString("mode", "constant");
    mode = switch (m) {
      case "constant" -> Mode.CONSTANT;
      case "reflect" -> Mode.REFLECT;
      case "edge" -> Mode.EDGE;
      case "wrap" -> Mode.WRAP;
      default -> throw new IllegalArgumentException("Pad: unknown mode '" + m + "'");
    };
    // opset 11: pads and constant_value moved from attributes to inputs
    inputs = n.opset() >= 11;
    attrPads = inputs ? null : n.attrInts("pads", null);
    if (!inputs && attrPads == null) {
      throw new IllegalArgumentException("Pad needs the pads attribute before opset 11");
    }
    attrValue = n.attrFloat("value", 0f);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    int r = x.rank();
    long[] pads = inputs ? Elements.longs(in[1], "Pad pads") : attrPads;
    int[] axes = new int[r];
    for (int i = 0; i < r; i++) {
      axes[i] = i;
    }
    if (inputs && in.length > 3 && in[3] != null) {
      axes = Axes.normalize(Axes.values(in[3], "Pad axes"), r, "Pad axes");
    }
    if (pads.length != 2 * axes.length) {
      throw new IllegalArgumentException("Pad: pads " + Arrays.toString(pads) + " need " + 2 * axes.length
          + " values for " + axes.length + " axes of " + x.describe());
    }
    long[] before = new long[r];
    long[] after = new long[r];
    for (int i = 0; i < axes.length; i++) {
      before[axes[i]] = pads[i];
      after[axes[i]] = pads[i + axes.length];
    }
    int[] dims = x.shape().dims();
    int[] od = new int[r];
    int[][] src = new int[r][];
    for (int k = 0; k < r; k++) {
      long o = dims[k] + before[k] + after[k];
      if (o < 0) {
        throw new IllegalArgumentException("Pad: pads " + Arrays.toString(pads) + " make dim " + k + " of "
            + x.describe() + " negative");
      }
      od[k] = (int) o;
      src[k] = axisSource(dims[k], before[k], after[k], od[k], k, x);
    }
    Shape shape = Shape.of(od);
    int[] map = Elements.axisMap(od, src, x.shape().strides());
    Tensor out = ctx.allocate(x.dtype(), shape);
    Elements.gather(x.data(), map, out.data());
    if (mode == Mode.CONSTANT) {
      Object value = constantValue(in, x);
      Elements.fillUnmapped(value, map, out.data());
    }
    return new Tensor[] {out};
  }

  private Object constantValue(Tensor[] in, Tensor x) {
    if (inputs) {
      if (in.length > 2 && in[2] != null && in[2].size() > 0) {
        if (in[2].dtype() != x.dtype()) {
          throw new IllegalArgumentException("Pad: constant_value " + in[2].describe()
              + " must have the data's type " + x.dtype());
        }
        return in[2].data();
      }
      return Elements.scalarArray(x.dtype(), 0);
    }
    return Elements.scalarArray(x.dtype(), attrValue);
  }

  /** The source index of each output position along one axis, -1 for constant fill. */
  private int[] axisSource(int n, long before, long after, int outLen, int axis, Tensor x) {
    int cropStart = (int) Math.max(0, -before);
    int len = (int) (n - cropStart - Math.max(0, -after));
    int padBefore = (int) Math.max(0, before);
    int[] s = new int[outLen];
    for (int o = 0; o < outLen; o++) {
      int c = o - padBefore;
      if (c >= 0 && c < len) {
        s[o] = cropStart + c;
        continue;
      }
      if (mode != Mode.CONSTANT && len == 0) {
        throw new IllegalArgumentException("Pad: mode " + mode.name().toLowerCase() + " cannot pad axis " + axis
            + " of " + x.describe() + ": it has no elements");
      }
      s[o] = switch (mode) {
        case CONSTANT -> -1;
        case EDGE -> cropStart + (c < 0 ? 0 : len - 1);
        case WRAP -> cropStart + Math.floorMod(c, len);
        case REFLECT -> cropStart + reflect(c, len);
      };
    }
    return s;
  }

  private static int reflect(int c, int len) {
    if (len == 1) {
      return 0;
    }
    int period = 2 * (len - 1);
    int m = Math.floorMod(c, period);
    return m < len ? m : period - m;
  }
}
