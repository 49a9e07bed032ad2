package dev.vireo.kernel.resize;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Resize (opset 10 and 11+) and Upsample (opset 7 to 9).
 *
 * <p>Inputs: Upsample 7-8 has only X (scales is an attribute); Upsample 9 and Resize 10 take X
 * and scales; Resize 11+ takes X, roi, scales and sizes (exactly one of scales and sizes).
 * Before Resize 11 coordinates are asymmetric and nearest rounds down when upsampling and up when
 * downsampling. From opset 18, {@code axes} restricts roi/scales/sizes to some axes, {@code
 * antialias} widens linear and cubic filters when downscaling, and {@code
 * keep_aspect_ratio_policy} interprets sizes.
 *
 * <p>Nearest moves elements of any type; linear and cubic compute in double and round back to
 * the input type (integers round to nearest and saturate).
 */
public final class ResizeKernel implements Kernel {
  private enum Inputs { ATTRIBUTE_SCALES, SCALES, ROI_SCALES_SIZES }

  private final ResizeParams p;
  private final Inputs inputs;
  private final float[] attrScales;
  private final long[] attrAxes;
  private final String aspectPolicy;

  public ResizeKernel(Node n) {
    boolean upsample = n.opType().equals("Upsample");
    boolean legacy = upsample || n.opset() < 11;
    p = new ResizeParams(n, legacy);
    // Upsample opset 9: scales moved from an attribute to input 1
    inputs = upsample && n.opset() < 9 ? Inputs.ATTRIBUTE_SCALES : legacy ? Inputs.SCALES : Inputs.ROI_SCALES_SIZES;
    attrScales = inputs == Inputs.ATTRIBUTE_SCALES ? n.attrFloats("scales", null) : null;
    if (inputs == Inputs.ATTRIBUTE_SCALES && attrScales == null) {
      throw new IllegalArgumentException("Upsample needs the scales attribute before opset 9");
    }
    attrAxes = n.attrInts("axes", null);
    aspectPolicy = n.attrString("keep_aspect_ratio_policy", "stretch");
    if (!aspectPolicy.equals("stretch") && !aspectPolicy.equals("not_larger") && !aspectPolicy.equals("not_smaller")) {
      throw new IllegalArgumentException(n.opType() + ": unknown keep_aspect_ratio_policy '" + aspectPolicy + "'");
    }
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    int r = x.rank();
    int[] dims = x.shape().dims();
    int[] axes = attrAxes == null ? identity(r) : Axes.normalize(attrAxes, r, "Resize axes");
    double[] scales = switch (inputs) {
      case ATTRIBUTE_SCALES -> toDoubles(attrScales);
      case SCALES -> floats(in[1], "scales");
      case ROI_SCALES_SIZES -> in.length > 2 && in[2] != null && in[2].size() > 0 ? floats(in[2], "scales") : null;
    };
    long[] sizes = inputs == Inputs.ROI_SCALES_SIZES && in.length > 3 && in[3] != null && in[3].size() > 0
        ? Elements.longs(in[3], "Resize sizes") : null;
    if ((scales == null) == (sizes == null)) {
      throw new IllegalArgumentException("Resize needs exactly one of scales and sizes");
    }
    int given = scales != null ? scales.length : sizes.length;
    if (given != axes.length) {
      throw new IllegalArgumentException("Resize: " + (scales != null ? "scales " + Arrays.toString(scales)
          : "sizes " + Arrays.toString(sizes)) + " need one value per axis (" + axes.length + ") of " + x.describe());
    }
    double[] roi = roi(in, r, axes);
    double[] scale = new double[r];
    int[] out = dims.clone();
    Arrays.fill(scale, 1.0);
    if (scales != null) {
      for (int i = 0; i < axes.length; i++) {
        if (!(scales[i] > 0)) {
          throw new IllegalArgumentException("Resize: scales " + Arrays.toString(scales) + " must be positive");
        }
        scale[axes[i]] = scales[i];
        out[axes[i]] = (int) Math.floor(scales[i] * dims[axes[i]]);
      }
    } else {
      for (int i = 0; i < axes.length; i++) {
        scale[axes[i]] = (double) sizes[i] / dims[axes[i]];
        out[axes[i]] = Math.toIntExact(sizes[i]);
      }
      if (!aspectPolicy.equals("stretch")) {
        double s = aspectPolicy.equals("not_larger") ? Double.MAX_VALUE : 0;
        for (int a : axes) {
          s = aspectPolicy.equals("not_larger") ? Math.min(s, scale[a]) : Math.max(s, scale[a]);
        }
        for (int a : axes) {
          scale[a] = s;
          out[a] = (int) (s * dims[a] + 0.5);
        }
      }
    }
    Shape shape = Shape.of(out);
    if (p.filter == ResizeParams.Filter.NEAREST) {
      return new Tensor[] {nearest(x, dims, shape, scale, roi, ctx)};
    }
    double[] v = toDoubles(x);
    int[] cur = dims.clone();
    for (int a : axes) {
      if (scale[a] == 1.0 && out[a] == cur[a] && roi[a] == 0 && roi[a + r] == 1) {
        continue;
      }
      AxisSampling s = AxisSampling.of(p, cur[a], out[a], scale[a], roi[a], roi[a + r]);
      v = s.apply(v, cur, a, p.extrapolationValue, ctx);
      cur[a] = out[a];
    }
    return new Tensor[] {fromDoubles(v, x.dtype(), shape, ctx)};
  }

  private Tensor nearest(Tensor x, int[] dims, Shape shape, double[] scale, double[] roi, ExecContext ctx) {
    int r = dims.length;
    int[][] src = new int[r][];
    for (int a = 0; a < r; a++) {
      src[a] = AxisSampling.of(p, dims[a], shape.dim(a), scale[a], roi[a], roi[a + r]).nearestSource(dims[a]);
    }
    int[] map = Elements.axisMap(shape.dims(), src, x.shape().strides());
    Tensor out = Elements.gathered(ctx, x, shape, map);
    Elements.fillUnmapped(Elements.scalarArray(x.dtype(), p.extrapolationValue), map, out.data());
    return out;
  }

  /** The roi as [start_0..start_r-1, end_0..end_r-1] over all axes; [0.., 1..] when absent. */
  private double[] roi(Tensor[] in, int r, int[] axes) {
    double[] roi = new double[2 * r];
    Arrays.fill(roi, r, 2 * r, 1.0);
    if (inputs != Inputs.ROI_SCALES_SIZES || in.length < 2 || in[1] == null || in[1].size() == 0) {
      return roi;
    }
    double[] given = floats(in[1], "roi");
    if (given.length != 2 * axes.length) {
      throw new IllegalArgumentException("Resize: roi " + Arrays.toString(given) + " needs " + 2 * axes.length
          + " values");
    }
    for (int i = 0; i < axes.length; i++) {
      roi[axes[i]] = given[i];
      roi[axes[i] + r] = given[i + axes.length];
    }
    return roi;
  }

  private static int[] identity(int r) {
    int[] a = new int[r];
    for (int i = 0; i < r; i++) {
      a[i] = i;
    }
    return a;
  }

  private static double[] floats(Tensor t, String what) {
    if (!t.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException("Resize: " + what + " must be a float tensor, got " + t.describe());
    }
    return toDoubles(t);
  }

  private static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private static double[] toDoubles(Tensor t) {
    return switch (t.dtype()) {
      case FLOAT -> toDoubles(t.floats());
      case DOUBLE -> t.doubles().clone();
      default -> {
        double[] d = new double[t.size()];
        for (int i = 0; i < d.length; i++) {
          d[i] = t.getDouble(i);
        }
        yield d;
      }
    };
  }

  private static Tensor fromDoubles(double[] v, DType t, Shape shape, ExecContext ctx) {
    Tensor out = ctx.allocate(t, shape);
    switch (t) {
      case FLOAT -> { float[] o = out.floats(); for (int i = 0; i < v.length; i++) o[i] = (float) v[i]; }
      case DOUBLE -> System.arraycopy(v, 0, out.doubles(), 0, v.length);
      case FLOAT16 -> { short[] o = out.shorts(); for (int i = 0; i < v.length; i++) o[i] = Float16.floatToHalf((float) v[i]); }
      case BFLOAT16 -> { short[] o = out.shorts(); for (int i = 0; i < v.length; i++) o[i] = Float16.floatToBfloat16((float) v[i]); }
      case INT8 -> { byte[] o = out.bytes(); for (int i = 0; i < v.length; i++) o[i] = (byte) saturate(v[i], -128, 127); }
      case UINT8 -> { byte[] o = out.bytes(); for (int i = 0; i < v.length; i++) o[i] = (byte) saturate(v[i], 0, 255); }
      case INT16 -> { short[] o = out.shorts(); for (int i = 0; i < v.length; i++) o[i] = (short) saturate(v[i], Short.MIN_VALUE, Short.MAX_VALUE); }
      case UINT16 -> { short[] o = out.shorts(); for (int i = 0; i < v.length; i++) o[i] = (short) saturate(v[i], 0, 65535); }
      case INT32 -> { int[] o = out.ints(); for (int i = 0; i < v.length; i++) o[i] = (int) saturate(v[i], Integer.MIN_VALUE, Integer.MAX_VALUE); }
      case UINT32 -> { int[] o = out.ints(); for (int i = 0; i < v.length; i++) o[i] = (int) saturate(v[i], 0, 4294967295L); }
      case INT64 -> { long[] o = out.longs(); for (int i = 0; i < v.length; i++) o[i] = Math.round(v[i]); }
      default -> throw new IllegalArgumentException("Resize: linear and cubic modes do not support " + t);
    }
    return out;
  }

  private static long saturate(double v, long lo, long hi) {
    return Math.clamp(Math.round(v), lo, hi);
  }
}
