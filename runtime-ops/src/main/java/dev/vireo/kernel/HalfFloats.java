package dev.vireo.kernel;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Tensor;

/**
 * Lets float32 kernels serve float16, bfloat16 and float64: inputs are converted to float32, the
 * result is computed in float32 and converted back (rounded to nearest even for the half types).
 * float64 therefore carries float32 precision through such kernels: relative error about 1e-7,
 * within the 1e-3/1e-7 tolerance the ONNX backend tests grant.
 */
public final class HalfFloats {
  /** The float types float kernels accept. */
  public static final DType[] FLOAT_TYPES = {DType.FLOAT, DType.FLOAT16, DType.BFLOAT16};

  private HalfFloats() {}

  /** The float types float kernels accept through {@link #widen} and {@link #narrow}, f64 included. */
  public static final DType[] FLOAT_AND_DOUBLE_TYPES = {
    DType.FLOAT, DType.FLOAT16, DType.BFLOAT16, DType.DOUBLE
  };

  /** The tensor itself when f32, else an f32 copy of an f16/bf16/f64 tensor. */
  public static Tensor widen(Tensor t) {
    if (t == null || t.dtype() == DType.FLOAT) {
      return t;
    }
    if (t.dtype() == DType.DOUBLE) {
      double[] d = t.doubles();
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        f[i] = (float) d[i];
      }
      return Tensor.wrap(DType.FLOAT, t.shape(), f);
    }
    short[] s = t.shorts();
    float[] f = new float[s.length];
    if (t.dtype() == DType.FLOAT16) {
      for (int i = 0; i < s.length; i++) {
        f[i] = Float16.halfToFloat(s[i]);
      }
    } else if (t.dtype() == DType.BFLOAT16) {
      for (int i = 0; i < s.length; i++) {
        f[i] = Float16.bfloat16ToFloat(s[i]);
      }
    } else {
      throw new IllegalArgumentException("expected a float tensor, got " + t.describe());
    }
    return Tensor.wrap(DType.FLOAT, t.shape(), f);
  }

  /** The f32 tensor itself when target is f32, else it rounded into a new target tensor. */
  public static Tensor narrow(ExecContext ctx, Tensor f32, DType target) {
    if (target == DType.FLOAT) {
      return f32;
    }
    Tensor out = ctx.allocate(target, f32.shape());
    float[] f = f32.floats();
    if (target == DType.DOUBLE) {
      double[] d = out.doubles();
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      return out;
    }
    short[] s = out.shorts();
    if (target == DType.FLOAT16) {
      for (int i = 0; i < f.length; i++) {
        s[i] = Float16.floatToHalf(f[i]);
      }
    } else {
      for (int i = 0; i < f.length; i++) {
        s[i] = Float16.floatToBfloat16(f[i]);
      }
    }
    return out;
  }
}
