package dev.vireo.kernel.reduce;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * Integer and bool tensors as long working arrays for the reductions: widened with their
 * signedness (bool as 0/1), optionally with the sign bit flipped, and narrowed back with the
 * wrap-around of the type.
 */
final class IntegerRows {
  private IntegerRows() {}

  /** The elements as longs, each xor-ed with {@code flip}. */
  static long[] widen(Tensor x, long flip) {
    int n = x.size();
    long[] w = new long[n];
    switch (x.dtype()) {
      case INT64, UINT64 -> {
        long[] a = x.longs();
        for (int i = 0; i < n; i++) {
          w[i] = a[i] ^ flip;
        }
      }
      case INT32 -> {
        int[] a = x.ints();
        for (int i = 0; i < n; i++) {
          w[i] = a[i];
        }
      }
      case UINT32 -> {
        int[] a = x.ints();
        for (int i = 0; i < n; i++) {
          w[i] = Integer.toUnsignedLong(a[i]);
        }
      }
      case INT16 -> {
        short[] a = x.shorts();
        for (int i = 0; i < n; i++) {
          w[i] = a[i];
        }
      }
      case UINT16 -> {
        short[] a = x.shorts();
        for (int i = 0; i < n; i++) {
          w[i] = Short.toUnsignedInt(a[i]);
        }
      }
      case INT8 -> {
        byte[] a = x.bytes();
        for (int i = 0; i < n; i++) {
          w[i] = a[i];
        }
      }
      case UINT8 -> {
        byte[] a = x.bytes();
        for (int i = 0; i < n; i++) {
          w[i] = Byte.toUnsignedInt(a[i]);
        }
      }
      case BOOL -> {
        boolean[] a = x.booleans();
        for (int i = 0; i < n; i++) {
          w[i] = a[i] ? 1 : 0;
        }
      }
      default -> throw new IllegalArgumentException("cannot reduce " + x.describe());
    }
    return w;
  }

  /** Writes the values (xor-ed with {@code flip} first) into out, wrapping to its type. */
  static void narrow(long[] v, long flip, Tensor out) {
    int n = v.length;
    switch (out.dtype()) {
      case INT64, UINT64 -> {
        long[] a = out.longs();
        for (int i = 0; i < n; i++) {
          a[i] = v[i] ^ flip;
        }
      }
      case INT32, UINT32 -> {
        int[] a = out.ints();
        for (int i = 0; i < n; i++) {
          a[i] = (int) v[i];
        }
      }
      case INT16, UINT16 -> {
        short[] a = out.shorts();
        for (int i = 0; i < n; i++) {
          a[i] = (short) v[i];
        }
      }
      case INT8, UINT8 -> {
        byte[] a = out.bytes();
        for (int i = 0; i < n; i++) {
          a[i] = (byte) v[i];
        }
      }
      case BOOL -> {
        boolean[] a = out.booleans();
        for (int i = 0; i < n; i++) {
          a[i] = v[i] != 0;
        }
      }
      default -> throw new IllegalArgumentException("cannot write " + out.describe());
    }
  }

  /** The smallest value of an integer type (as its widened long); 0 for bool. */
  static long min(DType t) {
    return switch (t) {
      case INT64 -> Long.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT16 -> Short.MIN_VALUE;
      case INT8 -> Byte.MIN_VALUE;
      // u64's 0 is the flipped Long.MIN_VALUE; the caller flips it back
      case UINT64 -> Long.MIN_VALUE;
      default -> 0;
    };
  }

  /** The largest value of an integer type (as its widened long); 1 for bool. */
  static long max(DType t) {
    return switch (t) {
      case INT64 -> Long.MAX_VALUE;
      case INT32 -> Integer.MAX_VALUE;
      case INT16 -> Short.MAX_VALUE;
      case INT8 -> Byte.MAX_VALUE;
      case UINT64 -> Long.MAX_VALUE;
      case UINT32 -> 0xffff_ffffL;
      case UINT16 -> 0xffff;
      case UINT8 -> 0xff;
      case BOOL -> 1;
      default -> throw new IllegalArgumentException("not an integer type: " + t);
    };
  }
}
