package dev.vireo.kernel;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * Lets int64 kernels serve the narrower integer types (i8, u8, i16, u16, u32) and u64: values
 * are widened to int64 exactly (unsigned ones as their unsigned value, u64 as its bits) and
 * results are narrowed back by wrapping, which is what those types' arithmetic does anyway.
 */
public final class IntegerWidening {
  /** The integer types served through int64. */
  public static final DType[] NARROW_TYPES = {
    DType.INT8, DType.UINT8, DType.INT16, DType.UINT16, DType.UINT32, DType.UINT64
  };

  private IntegerWidening() {}

  /** Whether t is one of {@link #NARROW_TYPES}. */
  public static boolean isNarrow(DType t) {
    return switch (t) {
      case INT8, UINT8, INT16, UINT16, UINT32, UINT64 -> true;
      default -> false;
    };
  }

  /** An int64 tensor of the values; u64 keeps its bits. */
  public static Tensor widen(Tensor t) {
    if (t.dtype() == DType.INT64 || t.dtype() == DType.UINT64) {
      return Tensor.wrap(DType.INT64, t.shape(), t.longs());
    }
    return Tensor.wrap(DType.INT64, t.shape(), t.toLongArray());
  }

  /**
   * As {@link #widen}, but ordered: u64 values get their sign bit flipped so that signed
   * comparison of the results orders them as unsigned numbers.
   */
  public static Tensor widenOrdered(Tensor t) {
    if (t.dtype() != DType.UINT64) {
      return widen(t);
    }
    long[] v = t.longs();
    long[] o = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      o[i] = v[i] ^ Long.MIN_VALUE;
    }
    return Tensor.wrap(DType.INT64, t.shape(), o);
  }

  /** The int64 values wrapped into a new tensor of type target. */
  public static Tensor narrow(ExecContext ctx, Tensor i64, DType target) {
    long[] v = i64.longs();
    Tensor out = ctx.allocate(target, i64.shape());
    switch (target.storage()) {
      case BYTE -> {
        byte[] o = out.bytes();
        for (int i = 0; i < v.length; i++) {
          o[i] = (byte) v[i];
        }
      }
      case SHORT -> {
        short[] o = out.shorts();
        for (int i = 0; i < v.length; i++) {
          o[i] = (short) v[i];
        }
      }
      case INT -> {
        int[] o = out.ints();
        for (int i = 0; i < v.length; i++) {
          o[i] = (int) v[i];
        }
      }
      case LONG -> System.arraycopy(v, 0, out.longs(), 0, v.length);
      default -> throw new IllegalArgumentException("not an integer type: " + target);
    }
    return out;
  }
}
