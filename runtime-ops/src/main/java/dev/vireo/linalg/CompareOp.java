package dev.vireo.linalg;

/**
 * Element-wise comparisons and boolean logic over strided runs, writing booleans: {@code out[o+i]
 * = a[ao + i·as] op b[bo + i·bs]}. Comparisons with NaN are false (EQUAL included).
 */
public enum CompareOp {
  EQUAL, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL, AND, OR, XOR;

  public void apply(float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int o, int n) {
    switch (this) {
      case EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] == b[bo + i * bs]; }
      case LESS -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] < b[bo + i * bs]; }
      case GREATER -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] > b[bo + i * bs]; }
      case LESS_OR_EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] <= b[bo + i * bs]; }
      case GREATER_OR_EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] >= b[bo + i * bs]; }
      default -> throw logicOnNumbers();
    }
  }

  public void apply(double[] a, int ao, int as, double[] b, int bo, int bs, boolean[] out, int o, int n) {
    switch (this) {
      case EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] == b[bo + i * bs]; }
      case LESS -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] < b[bo + i * bs]; }
      case GREATER -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] > b[bo + i * bs]; }
      case LESS_OR_EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] <= b[bo + i * bs]; }
      case GREATER_OR_EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] >= b[bo + i * bs]; }
      default -> throw logicOnNumbers();
    }
  }

  public void apply(int[] a, int ao, int as, int[] b, int bo, int bs, boolean[] out, int o, int n) {
    switch (this) {
      case EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] == b[bo + i * bs]; }
      case LESS -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] < b[bo + i * bs]; }
      case GREATER -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] > b[bo + i * bs]; }
      case LESS_OR_EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] <= b[bo + i * bs]; }
      case GREATER_OR_EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] >= b[bo + i * bs]; }
      default -> throw logicOnNumbers();
    }
  }

  public void apply(long[] a, int ao, int as, long[] b, int bo, int bs, boolean[] out, int o, int n) {
    switch (this) {
      case EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] == b[bo + i * bs]; }
      case LESS -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] < b[bo + i * bs]; }
      case GREATER -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] > b[bo + i * bs]; }
      case LESS_OR_EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] <= b[bo + i * bs]; }
      case GREATER_OR_EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] >= b[bo + i * bs]; }
      default -> throw logicOnNumbers();
    }
  }

  public void apply(boolean[] a, int ao, int as, boolean[] b, int bo, int bs, boolean[] out, int o, int n) {
    switch (this) {
      case EQUAL -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] == b[bo + i * bs]; }
      case AND -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] & b[bo + i * bs]; }
      case OR -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] | b[bo + i * bs]; }
      case XOR -> { for (int i = 0; i < n; i++) out[o + i] = a[ao + i * as] ^ b[bo + i * bs]; }
      default -> throw new IllegalArgumentException(this + " does not apply to bool");
    }
  }

  /** EQUAL only. */
  public void apply(String[] a, int ao, int as, String[] b, int bo, int bs, boolean[] out, int o, int n) {
    if (this != EQUAL) {
      throw new IllegalArgumentException(this + " does not apply to strings");
    }
    for (int i = 0; i < n; i++) {
      out[o + i] = a[ao + i * as].equals(b[bo + i * bs]);
    }
  }

  private IllegalArgumentException logicOnNumbers() {
    return new IllegalArgumentException(this + " needs bool inputs");
  }
}
