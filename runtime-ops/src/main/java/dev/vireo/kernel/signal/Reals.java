package dev.vireo.kernel.signal;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/** Conversion between the signal kernels' double working arrays and numeric tensors. */
final class Reals {
  private Reals() {}

  /** Every element as a double (any numeric type). */
  static double[] of(Tensor t) {
    if (t.dtype() == DType.DOUBLE) {
      return t.doubles().clone();
    }
    double[] d = new double[t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = t.getDouble(i);
    }
    return d;
  }

  /** The scalar (or single element) integer value of an optional input, or {@code dflt}. */
  static long scalar(Tensor t, long dflt, String what) {
    if (t == null) {
      return dflt;
    }
    if (t.size() != 1) {
      throw new IllegalArgumentException(what + " must be a scalar, got " + t.describe());
    }
    return t.getLong(0);
  }

  /**
   * A tensor of {@code type} holding {@code v}: floats rounded to nearest, integer types
   * truncated toward zero as a C cast does.
   */
  static Tensor tensor(double[] v, DType type, Shape shape, ExecContext ctx) {
    Tensor out = ctx.allocate(type, shape);
    Object a = out.data();
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      switch (type) {
        case DOUBLE -> ((double[]) a)[i] = x;
        case FLOAT -> ((float[]) a)[i] = (float) x;
        case FLOAT16 -> ((short[]) a)[i] = Float16.floatToHalf((float) x);
        case BFLOAT16 -> ((short[]) a)[i] = Float16.floatToBfloat16((float) x);
        case INT8, UINT8 -> ((byte[]) a)[i] = (byte) (long) x;
        case INT16, UINT16 -> ((short[]) a)[i] = (short) (long) x;
        case INT32, UINT32 -> ((int[]) a)[i] = (int) (long) x;
        case INT64, UINT64 -> ((long[]) a)[i] = (long) x;
        default -> throw new IllegalArgumentException("expected a numeric output type, got " + type);
      }
    }
    return out;
  }
}
