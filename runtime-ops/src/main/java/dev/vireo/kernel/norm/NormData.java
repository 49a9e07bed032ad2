package dev.vireo.kernel.norm;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Element access for the normalization kernels, which compute in double for every float type:
 * reading f32/f16/bf16/f64 tensors (whole, or a row at a time into a scratch buffer so large
 * activations are not copied whole), writing doubles back rounded to the output type, and
 * expanding a broadcast parameter to a target shape.
 */
final class NormData {
  /** The element types the normalization kernels accept. */
  static final DType[] TYPES = {DType.FLOAT, DType.FLOAT16, DType.BFLOAT16, DType.DOUBLE};

  private NormData() {}

  /** The elements as doubles (a new array). */
  static double[] read(Tensor t) {
    int n = t.size();
    double[] d = new double[n];
    switch (t.dtype()) {
      case FLOAT -> {
        float[] f = t.floats();
        for (int i = 0; i < n; i++) {
          d[i] = f[i];
        }
      }
      case DOUBLE -> System.arraycopy(t.doubles(), 0, d, 0, n);
      case FLOAT16 -> {
        short[] s = t.shorts();
        for (int i = 0; i < n; i++) {
          d[i] = Float16.halfToFloat(s[i]);
        }
      }
      case BFLOAT16 -> {
        short[] s = t.shorts();
        for (int i = 0; i < n; i++) {
          d[i] = Float16.bfloat16ToFloat(s[i]);
        }
      }
      default -> throw new IllegalArgumentException("expected a float tensor, got " + t.describe());
    }
    return d;
  }

  /** Copies elements [off, off + len) of t into dst[0, len) as doubles. */
  static void readRow(Tensor t, int off, double[] dst, int len) {
    switch (t.dtype()) {
      case FLOAT -> {
        float[] f = t.floats();
        for (int i = 0; i < len; i++) {
          dst[i] = f[off + i];
        }
      }
      case DOUBLE -> System.arraycopy(t.doubles(), off, dst, 0, len);
      case FLOAT16 -> {
        short[] s = t.shorts();
        for (int i = 0; i < len; i++) {
          dst[i] = Float16.halfToFloat(s[off + i]);
        }
      }
      case BFLOAT16 -> {
        short[] s = t.shorts();
        for (int i = 0; i < len; i++) {
          dst[i] = Float16.bfloat16ToFloat(s[off + i]);
        }
      }
      default -> throw new IllegalArgumentException("expected a float tensor, got " + t.describe());
    }
  }

  /** Writes src[0, len) into elements [off, off + len) of t, rounded to t's type. */
  static void writeRow(Tensor t, int off, double[] src, int len) {
    switch (t.dtype()) {
      case FLOAT -> {
        float[] f = t.floats();
        for (int i = 0; i < len; i++) {
          f[off + i] = (float) src[i];
        }
      }
      case DOUBLE -> System.arraycopy(src, 0, t.doubles(), off, len);
      case FLOAT16 -> {
        short[] s = t.shorts();
        for (int i = 0; i < len; i++) {
          s[off + i] = Float16.floatToHalf((float) src[i]);
        }
      }
      case BFLOAT16 -> {
        short[] s = t.shorts();
        for (int i = 0; i < len; i++) {
          s[off + i] = Float16.floatToBfloat16((float) src[i]);
        }
      }
      default -> throw new IllegalArgumentException("cannot write a " + t.dtype() + " tensor");
    }
  }

  /** A new tensor of this type and shape holding {@code v} rounded to the type. */
  static Tensor write(ExecContext ctx, DType type, Shape shape, double[] v) {
    Tensor out = ctx.allocate(type, shape);
    switch (type) {
      case FLOAT -> {
        float[] f = out.floats();
        for (int i = 0; i < v.length; i++) {
          f[i] = (float) v[i];
        }
      }
      case DOUBLE -> System.arraycopy(v, 0, out.doubles(), 0, v.length);
      case FLOAT16 -> {
        short[] s = out.shorts();
        for (int i = 0; i < v.length; i++) {
          s[i] = Float16.floatToHalf((float) v[i]);
        }
      }
      case BFLOAT16 -> {
        short[] s = out.shorts();
        for (int i = 0; i < v.length; i++) {
          s[i] = Float16.floatToBfloat16((float) v[i]);
        }
      }
      default -> throw new IllegalArgumentException("cannot write a " + type + " tensor");
    }
    return out;
  }

  /**
   * {@code p} expanded to {@code target} by right-aligned (numpy) broadcasting.
   *
   * @throws IllegalArgumentException naming {@code what} when p does not broadcast to target
   */
  static double[] expand(Tensor p, int[] target, String what) {
    int[] pd = p.shape().dims();
    double[] v = read(p);
    int r = target.length;
    boolean ok = pd.length <= r;
    for (int k = 0; ok && k < pd.length; k++) {
      int t = target[r - pd.length + k];
      ok = pd[k] == t || pd[k] == 1;
    }
    if (!ok) {
      throw new IllegalArgumentException(what + " " + p.describe() + " does not broadcast to "
          + Arrays.toString(target));
    }
    int n = Shape.of(target).size();
    if (v.length == n) {
      return v;
    }
    int[] strides = new int[r];
    int acc = 1;
    for (int k = pd.length - 1; k >= 0; k--) {
      strides[r - pd.length + k] = pd[k] == 1 ? 0 : acc;
      acc *= pd[k];
    }
    double[] out = new double[n];
    int[] idx = new int[r];
    int src = 0;
    for (int i = 0; i < n; i++) {
      out[i] = v[src];
      for (int k = r - 1; k >= 0; k--) {
        idx[k]++;
        src += strides[k];
        if (idx[k] < target[k]) {
          break;
        }
        src -= strides[k] * idx[k];
        idx[k] = 0;
      }
    }
    return out;
  }
}
