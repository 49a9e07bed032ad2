package dev.vireo.kernel.random;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/** Stores drawn values (computed as doubles) into an output tensor of a numeric or bool type. */
final class RandomOutput {
  private RandomOutput() {}

  /** A new tensor of type t holding v, each value rounded to nearest (even) or truncated for ints. */
  static Tensor of(ExecContext ctx, DType t, Shape s, double[] v) {
    Tensor out = ctx.allocate(t, s);
    switch (out.data()) {
      case float[] a -> {
        for (int i = 0; i < v.length; i++) a[i] = (float) v[i];
      }
      case double[] a -> System.arraycopy(v, 0, a, 0, v.length);
      case short[] a -> {
        for (int i = 0; i < v.length; i++) {
          a[i] = switch (t) {
            case FLOAT16 -> Float16.floatToHalf((float) v[i]);
            case BFLOAT16 -> Float16.floatToBfloat16((float) v[i]);
            default -> (short) (long) v[i];
          };
        }
      }
      case byte[] a when t == DType.INT8 || t == DType.UINT8 -> {
        for (int i = 0; i < v.length; i++) a[i] = (byte) (long) v[i];
      }
      case int[] a -> {
        for (int i = 0; i < v.length; i++) a[i] = (int) (long) v[i];
      }
      case long[] a -> {
        for (int i = 0; i < v.length; i++) a[i] = (long) v[i];
      }
      case boolean[] a -> {
        for (int i = 0; i < v.length; i++) a[i] = v[i] != 0;
      }
      default -> throw new IllegalArgumentException("random output of type " + t + " is not supported");
    }
    return out;
  }
}
