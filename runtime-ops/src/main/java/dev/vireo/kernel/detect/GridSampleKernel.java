package dev.vireo.kernel.detect;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * GridSample: X [N, C, d1..dr] sampled at the normalized positions of grid [N, o1..or, r] (the
 * last grid component is the position along d1's reverse order: x for the last dim) gives
 * Y [N, C, o1..or]. Opset 16 takes 4-D X and modes bilinear, nearest, bicubic; from opset 20
 * any rank, with modes linear, nearest, cubic.
 *
 * <p>Per dim, as the ONNX reference does: the position is denormalized ({@code (g+1)/2·(d-1)}
 * with align_corners, else {@code ((g+1)·d-1)/2}), rounded half to even for nearest, and when it
 * lies outside the border ({@code [0, d-1]} with align_corners, else {@code [-0.5, d-0.5]})
 * clamped to {@code [0, d-1]} (border padding) or reflected into the border (reflection). The
 * taps around it (1 nearest, 2 linear, 4 cubic with Keys' a = -0.75) read 0 outside the input
 * (zeros), the clamped index (border) or the reflected index (reflection). f32 (f16/bf16 via
 * f32) and f64 (computed in f32 positions, double sums).
 */
public final class GridSampleKernel implements Kernel {
  private static final float CUBIC_A = -0.75f;

  private enum Mode { NEAREST, LINEAR, CUBIC }

  private enum Padding { ZEROS, BORDER, REFLECTION }

  private final Mode mode;
  private final Padding padding;
  private final boolean alignCorners;
  private final boolean only4d;

  GridSampleKernel(Node n, boolean opset20) {
    String m = n.attrString("mode", opset20 ? "linear" : "bilinear");
    mode = switch (m) {
      case "nearest" -> Mode.NEAREST;
      case "bilinear", "linear" -> {
        checkName(m, opset20 ? "linear" : "bilinear");
        yield Mode.LINEAR;
      }
      case "bicubic", "cubic" -> {
        checkName(m, opset20 ? "cubic" : "bicubic");
        yield Mode.CUBIC;
      }
      default -> throw new IllegalArgumentException("GridSample: unknown mode '" + m + "', expected "
          + (opset20 ? "linear, nearest or cubic" : "bilinear, nearest or bicubic"));
    };
    String p = n.attrString("padding_mode", "zeros");
    padding = switch (p) {
      case "zeros" -> Padding.ZEROS;
      case "border" -> Padding.BORDER;
      case "reflection" -> Padding.REFLECTION;
      default -> throw new IllegalArgumentException("GridSample: unknown padding_mode '" + p
          + "', expected zeros, border or reflection");
    };
    alignCorners = n.attrInt("align_corners", 0) != 0;
    only4d = !opset20;
  }

  private static void checkName(String given, String expected) {
    if (!given.equals(expected)) {
      throw new IllegalArgumentException("GridSample: mode '" + given + "' is spelled '" + expected
          + "' in this opset");
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    Tensor g0 = inputs[1];
    int r = x0.rank() - 2;
    if (r < 1 || (only4d && r != 2) || g0.rank() != r + 2 || g0.shape().dim(0) != x0.shape().dim(0)
        || g0.shape().dim(r + 1) != r) {
      throw new IllegalArgumentException("GridSample needs X [N, C, d1..dr]" + (only4d ? " with r = 2" : "")
          + " and grid [N, o1..or, r], got X " + x0.describe() + " and grid " + g0.describe());
    }
    int[] xd = x0.shape().dims();
    int[] gd = g0.shape().dims();
    int n = xd[0];
    int c = xd[1];
    int[] in = Arrays.copyOfRange(xd, 2, r + 2);
    int[] outDims = new int[r + 2];
    outDims[0] = n;
    outDims[1] = c;
    System.arraycopy(gd, 1, outDims, 2, r);
    Shape os = Shape.of(outDims);
    int points = os.sizeBetween(2, r + 2);
    int plane = x0.shape().sizeBetween(2, r + 2);
    int[] inStrides = Arrays.copyOfRange(x0.shape().strides(), 2, r + 2);
    boolean dbl = x0.dtype() == DType.DOUBLE;
    double[] xdbl = dbl ? x0.doubles() : null;
    float[] xf = dbl ? null : HalfFloats.widen(x0).floats();
    float[] grid = HalfFloats.widen(g0.dtype() == DType.DOUBLE ? toFloat(g0) : g0).floats();
    Tensor out = ctx.allocate(dbl ? DType.DOUBLE : DType.FLOAT, os);
    double[] yd = dbl ? out.doubles() : null;
    float[] yf = dbl ? null : out.floats();
    int taps = mode == Mode.NEAREST ? 1 : mode == Mode.LINEAR ? 2 : 4;
    int combos = (int) Math.pow(taps, r);
    ctx.parallelFor(os.size() == 0 ? 0 : n * points, 64, (from, to) -> {
      int[] idx = new int[r * taps];
      double[] w = new double[r * taps];
      for (int q = from; q < to; q++) {
        int img = q / points;
        int pt = q % points;
        for (int d = 0; d < r; d++) {
          float pos = grid[q * r + (r - 1 - d)];
          taps(pos, in[d], idx, w, d * taps, inStrides[d]);
        }
        for (int ch = 0; ch < c; ch++) {
          int base = (img * c + ch) * plane;
          double sum = 0;
          for (int k = 0; k < combos; k++) {
            int off = base;
            double wt = 1;
            int rest = k;
            for (int d = r - 1; d >= 0 && wt != 0; d--) {
              int t = d * taps + rest % taps;
              rest /= taps;
              if (idx[t] < 0) {
                wt = 0;
              } else {
                off += idx[t];
                wt *= w[t];
              }
            }
            if (wt != 0) {
              sum += wt * (dbl ? xdbl[off] : xf[off]);
            }
          }
          int o = (img * c + ch) * points + pt;
          if (dbl) {
            yd[o] = sum;
          } else {
            yf[o] = (float) sum;
          }
        }
      }
    });
    return new Tensor[] {dbl ? out : HalfFloats.narrow(ctx, out, x0.dtype())};
  }

  /**
   * Fills the taps of one dim at {@code at}: element offsets (index · stride, or -1 for a zero
   * read) and weights.
   */
  private void taps(float g, int size, int[] idx, double[] w, int at, int stride) {
    float lo = alignCorners ? 0 : -0.5f;
    float hi = alignCorners ? size - 1 : size - 0.5f;
    float x = alignCorners ? (g + 1) / 2f * (size - 1) : ((g + 1) * size - 1) / 2f;
    if (mode == Mode.NEAREST) {
      x = (float) Math.rint(x);
    }
    if (x < lo || x > hi) {
      if (padding == Padding.BORDER) {
        x = Math.min(Math.max(x, 0), size - 1);
      } else if (padding == Padding.REFLECTION) {
        x = reflect(x, lo, hi);
      }
    }
    switch (mode) {
      case NEAREST -> {
        idx[at] = pixel((int) x, size, lo, hi, stride);
        w[at] = 1;
      }
      case LINEAR -> {
        int x0 = (int) Math.floor(x);
        float t = x - x0;
        idx[at] = pixel(x0, size, lo, hi, stride);
        idx[at + 1] = pixel(x0 + 1, size, lo, hi, stride);
        w[at] = 1 - t;
        w[at + 1] = t;
      }
      case CUBIC -> {
        int x0 = (int) Math.floor(x);
        float t = x - x0;
        for (int k = 0; k < 4; k++) {
          idx[at + k] = pixel(x0 - 1 + k, size, lo, hi, stride);
        }
        float t1 = t + 1;
        float u = 1 - t;
        float u1 = 2 - t;
        w[at] = ((CUBIC_A * t1 - 5 * CUBIC_A) * t1 + 8 * CUBIC_A) * t1 - 4 * CUBIC_A;
        w[at + 1] = ((CUBIC_A + 2) * t - (CUBIC_A + 3)) * t * t + 1;
        w[at + 2] = ((CUBIC_A + 2) * u - (CUBIC_A + 3)) * u * u + 1;
        w[at + 3] = ((CUBIC_A * u1 - 5 * CUBIC_A) * u1 + 8 * CUBIC_A) * u1 - 4 * CUBIC_A;
      }
    }
  }

  /** The element offset of index i along a dim after padding, or -1 for a zero read. */
  private int pixel(int i, int size, float lo, float hi, int stride) {
    switch (padding) {
      case ZEROS -> {
        return i >= 0 && i < size ? i * stride : -1;
      }
      case BORDER -> {
        return Math.min(Math.max(i, 0), size - 1) * stride;
      }
      default -> {
        int j = (int) reflect(i, lo, hi);
        return Math.min(Math.max(j, 0), size - 1) * stride;
      }
    }
  }

  /** Reflects x at the borders until it lies within [lo, hi]. */
  private static float reflect(float x, float lo, float hi) {
    float range = hi - lo;
    if (range <= 0) {
      return lo;
    }
    if (x < lo) {
      float dx = lo - x;
      int k = (int) (dx / range);
      float rem = dx - k * range;
      return k % 2 == 0 ? lo + rem : hi - rem;
    }
    if (x > hi) {
      float dx = x - hi;
      int k = (int) (dx / range);
      float rem = dx - k * range;
      return k % 2 == 0 ? hi - rem : lo + rem;
    }
    return x;
  }

  private static Tensor toFloat(Tensor d) {
    double[] v = d.doubles();
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return Tensor.wrap(DType.FLOAT, d.shape(), f);
  }
}
