package dev.vireo.kernel;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Tensor;

/**
 * Lets float32 kernels serve float16 and bfloat16: inputs are widened to float32, the result is
 * computed in float32 and rounded back to nearest even.
 */
public final class HalfFloats {
  /** The float types float kernels accept. */
  public static final DType[] FLOAT_TYPES = {DType.FLOAT, DType.FLOAT16, DType.BFLOAT16};

  private HalfFloats() {}

  /** The tensor itself when f32, else an f32 copy of an f16/bf16 tensor. */
  public static Tensor widen(Tensor t) {
    if (t == null || t.dtype() == DType.FLOAT) {
      return t;
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
