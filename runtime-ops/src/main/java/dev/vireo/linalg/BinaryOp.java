package dev.vireo.linalg;

/**
 * Element-wise binary arithmetic over strided runs, one primitive loop per (op, storage type):
 * {@code out[o+i] = a[ao + i·as] op b[bo + i·bs]} for i in [0, n). A step of 0 repeats a
 * broadcast element.
 *
 * <p>Integer division truncates toward zero and throws {@link ArithmeticException} on a zero
 * divisor; integer arithmetic wraps. POW on integers is exact repeated multiplication for
 * non-negative exponents.
 *
 * <p>MOD takes the sign of the divisor (Python's {@code %}), FMOD that of the dividend (C's
 * {@code fmod}). PRELU is {@code a < 0 ? a·b : a}. The bit operations and shifts exist for the
 * integer forms only; a shift by the bit width or more gives 0, and SHR shifts zeros in (the
 * operands of BitShift are unsigned).
 */
public enum BinaryOp {
  ADD, SUB, MUL, DIV, POW, MAX, MIN, MOD, FMOD, PRELU, BIT_AND, BIT_OR, BIT_XOR, SHL, SHR;

  public void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int o, int n) {
    switch (this) {
      case ADD -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] + b[bo + i * bs]; }
      case SUB -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] - b[bo + i * bs]; }
      case MUL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] * b[bo + i * bs]; }
      case DIV -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] / b[bo + i * bs]; }
      case POW -> {
        for (int i = 0; i < n; i++) {
          out[o + i] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]);
        }
      }
      case MAX -> { for (int i = 0; i < n; i++) out[o + i] = max(a[ao + i * as], b[bo + i * bs]); }
      case MIN -> { for (int i = 0; i < n; i++) out[o + i] = min(a[ao + i * as], b[bo + i * bs]); }
      case MOD -> {
        for (int i = 0; i < n; i++) {
          float x = a[ao + i * as];
          float y = b[bo + i * bs];
          float r = x % y;
          out[o + i] = r != 0 && (r < 0) != (y < 0) ? r + y : r;
        }
      }
      case FMOD -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] % b[bo + i * bs]; }
      case PRELU -> {
        for (int i = 0; i < n; i++) {
          float x = a[ao + i * as];
          out[o + i] = x < 0 ? x * b[bo + i * bs] : x;
        }
      }
      default -> throw new IllegalArgumentException(this + " is defined for integers only");
    }
  }

  public void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int o, int n) {
    switch (this) {
      case ADD -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] + b[bo + i * bs]; }
      case SUB -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] - b[bo + i * bs]; }
      case MUL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] * b[bo + i * bs]; }
      case DIV -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] / b[bo + i * bs]; }
      case POW -> { for (int i = 0; i < n; i++) out[o + i] = Math.pow(a[ao + i * as], b[bo + i * bs]); }
      case MAX -> {
        for (int i = 0; i < n; i++) {
          double x = a[ao + i * as];
          double y = b[bo + i * bs];
          out[o + i] = x != x || y != y ? Double.NaN : Math.max(x, y);
        }
      }
      case MIN -> {
        for (int i = 0; i < n; i++) {
          double x = a[ao + i * as];
          double y = b[bo + i * bs];
          out[o + i] = x != x || y != y ? Double.NaN : Math.min(x, y);
        }
      }
      case MOD -> {
        for (int i = 0; i < n; i++) {
          double x = a[ao + i * as];
          double y = b[bo + i * bs];
          double r = x % y;
          out[o + i] = r != 0 && (r < 0) != (y < 0) ? r + y : r;
        }
      }
      case FMOD -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] % b[bo + i * bs]; }
      case PRELU -> {
        for (int i = 0; i < n; i++) {
          double x = a[ao + i * as];
          out[o + i] = x < 0 ? x * b[bo + i * bs] : x;
        }
      }
      default -> throw new IllegalArgumentException(this + " is defined for integers only");
    }
  }

  public void apply(int[] a, int ao, int as, int[] b, int bo, int bs, int[] out, int o, int n) {
    switch (this) {
      case ADD -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] + b[bo + i * bs]; }
      case SUB -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] - b[bo + i * bs]; }
      case MUL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] * b[bo + i * bs]; }
      case DIV -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] / b[bo + i * bs]; }
      case POW -> { for (int i = 0; i < n; i++) out[o + i] = (int) ipow(a[ao + i * as], b[bo + i * bs]); }
      case MAX -> { for (int i = 0; i < n; i++) out[o + i] = Math.max(a[ao + i * as], b[bo + i * bs]); }
      case MIN -> { for (int i = 0; i < n; i++) out[o + i] = Math.min(a[ao + i * as], b[bo + i * bs]); }
      case MOD -> {
        for (int i = 0; i < n; i++) {
          int x = a[ao + i * as];
          int y = b[bo + i * bs];
          int r = x % y;
          out[o + i] = r != 0 && (r ^ y) < 0 ? r + y : r;
        }
      }
      case FMOD -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] % b[bo + i * bs]; }
      case PRELU -> {
        for (int i = 0; i < n; i++) {
          int x = a[ao + i * as];
          out[o + i] = x < 0 ? x * b[bo + i * bs] : x;
        }
      }
      case BIT_AND -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] & b[bo + i * bs]; }
      case BIT_OR -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] | b[bo + i * bs]; }
      case BIT_XOR -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] ^ b[bo + i * bs]; }
      case SHL -> {
        for (int i = 0; i < n; i++) {
          int k = b[bo + i * bs];
          out[o + i] = k < 0 || k >= 32 ? 0 : a[ao + i * as] << k;
        }
      }
      case SHR -> {
        for (int i = 0; i < n; i++) {
          int k = b[bo + i * bs];
          out[o + i] = k < 0 || k >= 32 ? 0 : a[ao + i * as] >>> k;
        }
      }
    }
  }

  public void apply(long[] a, int ao, int as, long[] b, int bo, int bs, long[] out, int o, int n) {
    switch (this) {
      case ADD -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] + b[bo + i * bs]; }
      case SUB -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] - b[bo + i * bs]; }
      case MUL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] * b[bo + i * bs]; }
      case DIV -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] / b[bo + i * bs]; }
      case POW -> { for (int i = 0; i < n; i++) out[o + i] = ipow(a[ao + i * as], b[bo + i * bs]); }
      case MAX -> { for (int i = 0; i < n; i++) out[o + i] = Math.max(a[ao + i * as], b[bo + i * bs]); }
      case MIN -> { for (int i = 0; i < n; i++) out[o + i] = Math.min(a[ao + i * as], b[bo + i * bs]); }
      case MOD -> {
        for (int i = 0; i < n; i++) {
          long x = a[ao + i * as];
          long y = b[bo + i * bs];
          long r = x % y;
          out[o + i] = r != 0 && (r ^ y) < 0 ? r + y : r;
        }
      }
      case FMOD -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] % b[bo + i * bs]; }
      case PRELU -> {
        for (int i = 0; i < n; i++) {
          long x = a[ao + i * as];
          out[o + i] = x < 0 ? x * b[bo + i * bs] : x;
        }
      }
      case BIT_AND -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] & b[bo + i * bs]; }
      case BIT_OR -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] | b[bo + i * bs]; }
      case BIT_XOR -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] ^ b[bo + i * bs]; }
      case SHL -> {
        for (int i = 0; i < n; i++) {
          long k = b[bo + i * bs];
          out[o + i] = k < 0 || k >= 64 ? 0 : a[ao + i * as] << k;
        }
      }
      case SHR -> {
        for (int i = 0; i < n; i++) {
          long k = b[bo + i * bs];
          out[o + i] = k < 0 || k >= 64 ? 0 : a[ao + i * as] >>> k;
        }
      }
    }
  }

  private static float max(float x, float y) {
    return x != x || y != y ? Float.NaN : Math.max(x, y);
  }

  private static float min(float x, float y) {
    return x != x || y != y ? Float.NaN : Math.min(x, y);
  }

  /** base^exp by squaring; a negative exponent gives 0 except for bases 1 and -1. */
  static long ipow(long base, long exp) {
    if (exp < 0) {
      return base == 1 ? 1 : base == -1 ? ((exp & 1) == 0 ? 1 : -1) : 0;
    }
    long r = 1;
    while (exp > 0) {
      if ((exp & 1) != 0) {
        r *= base;
      }
      base *= base;
      exp >>= 1;
    }
    return r;
  }
}
