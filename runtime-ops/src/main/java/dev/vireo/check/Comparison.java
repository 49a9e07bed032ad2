package dev.vireo.check;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.Locale;

/**
 * Compares an output with its expected value, as the ONNX backend tests do.
 *
 * <p>Element types and shapes must be equal. Floating-point elements (f32, f64, f16, bf16) match
 * when {@code |actual - expected| <= atol + rtol * |expected|}, or when both are NaN, or both are
 * the same infinity. Integers, bools and strings must be equal; 8-bit and 4-bit float types are
 * compared by their bit patterns. A mismatch is described by the worst element: the one that
 * exceeds its tolerance by the largest factor.
 */
public final class Comparison {
  /** Relative tolerance of the ONNX backend tests. */
  public static final double DEFAULT_RTOL = 1e-3;
  /** Absolute tolerance of the ONNX backend tests. */
  public static final double DEFAULT_ATOL = 1e-7;

  private final double rtol;
  private final double atol;

  public Comparison(double rtol, double atol) {
    if (!(rtol >= 0) || !(atol >= 0)) {
      throw new IllegalArgumentException("tolerances must be >= 0, got rtol " + rtol + ", atol " + atol);
    }
    this.rtol = rtol;
    this.atol = atol;
  }

  public static Comparison defaults() {
    return new Comparison(DEFAULT_RTOL, DEFAULT_ATOL);
  }

  public double rtol() {
    return rtol;
  }

  public double atol() {
    return atol;
  }

  /**
   * Compares one output.
   *
   * @param output the output's name, used in the description
   * @return null when they match, else one line naming the output, the worst element's index,
   *     the expected and the actual value, and how many elements differ
   */
  public String compare(String output, Tensor expected, Tensor actual) {
    return compareTensor("output '" + output + "'", expected, actual);
  }

  /**
   * Compares one output that may be a tensor, a {@link TensorSequence} (same length, element by
   * element) or an {@link OptionalValue} (both empty, or both holding matching values).
   *
   * @return null when they match, else one line as {@link #compare(String, Tensor, Tensor)}
   */
  public String compareValue(String output, Object expected, Object actual) {
    return compareValue("output '" + output + "'", expected, actual, 0);
  }

  private String compareValue(String label, Object expected, Object actual, int depth) {
    if (actual == null) {
      return label + " was not produced";
    }
    if (expected instanceof Tensor e && actual instanceof Tensor a) {
      return compareTensor(label, e, a);
    }
    if (expected instanceof TensorSequence e && actual instanceof TensorSequence a) {
      if (e.size() != a.size() || e.elemType() != a.elemType()) {
        return label + ": expected " + e + ", got " + a;
      }
      for (int i = 0; i < e.size(); i++) {
        String m = compareValue(label + " element " + i, e.get(i), a.get(i), depth + 1);
        if (m != null) {
          return m;
        }
      }
      return null;
    }
    if (expected instanceof OptionalValue e && actual instanceof OptionalValue a) {
      if (e.isPresent() != a.isPresent()) {
        return label + ": expected " + e + ", got " + a;
      }
      return e.isPresent() ? compareValue(label, e.value(), a.value(), depth + 1) : null;
    }
    return label + ": expected " + OptionalValue.describe(expected) + ", got " + OptionalValue.describe(actual);
  }

  private String compareTensor(String label, Tensor expected, Tensor actual) {
    if (actual == null) {
      return label + " was not produced";
    }
    if (expected.dtype() != actual.dtype() || !expected.shape().equals(actual.shape())) {
      return label + ": expected " + expected.describe() + ", got " + actual.describe();
    }
    int worst = -1;
    double worstScore = 0;
    int differ = 0;
    int n = expected.size();
    DType t = expected.dtype();
    for (int i = 0; i < n; i++) {
      double score = excess(t, expected, actual, i);
      if (score > 0) {
        differ++;
        if (score > worstScore) {
          worstScore = score;
          worst = i;
        }
      }
    }
    if (differ == 0) {
      return null;
    }
    StringBuilder b = new StringBuilder(label);
    if (expected.rank() > 0) {
      b.append(index(expected, worst));
    }
    b.append(": expected ").append(format(expected, worst))
        .append(", got ").append(format(actual, worst));
    if (t.isFloatingPoint()) {
      double e = expected.getDouble(worst);
      b.append(" (|diff| ").append(String.format(Locale.ROOT, "%.3g", Math.abs(actual.getDouble(worst) - e)))
          .append(" > ").append(String.format(Locale.ROOT, "%.3g", atol + rtol * Math.abs(e))).append(')');
    }
    b.append("; ").append(differ).append(" of ").append(n).append(" elements differ");
    return b.toString();
  }

  /**
   * How badly element i misses: 0 when it matches, else a positive score that orders mismatches
   * (the ratio of the difference to the tolerance for floats, the difference for integers).
   */
  private double excess(DType t, Tensor expected, Tensor actual, int i) {
    if (t.isFloatingPoint()) {
      double e = expected.getDouble(i);
      double a = actual.getDouble(i);
      if (e == a || (Double.isNaN(e) && Double.isNaN(a))) {
        return 0;
      }
      if (Double.isNaN(e) || Double.isNaN(a) || Double.isInfinite(e) || Double.isInfinite(a)) {
        return Double.POSITIVE_INFINITY;
      }
      double diff = Math.abs(a - e);
      double tol = atol + rtol * Math.abs(e);
      return diff <= tol ? 0 : tol == 0 ? Double.POSITIVE_INFINITY : diff / tol;
    }
    return switch (t.storage()) {
      case STRING -> expected.strings()[i].equals(actual.strings()[i]) ? 0 : 1;
      case BYTE -> {
        byte e = expected.bytes()[i];
        byte a = actual.bytes()[i];
        yield e == a ? 0 : t.isInteger() ? Math.abs((double) expected.getLong(i) - actual.getLong(i)) : 1;
      }
      default -> {
        long e = expected.getLong(i);
        long a = actual.getLong(i);
        yield e == a ? 0 : Math.max(1, Math.abs((double) e - (double) a));
      }
    };
  }

  /** Element i for a message; types Vireo does not decode (8-bit floats) as their bits. */
  static String format(Tensor t, int i) {
    if (t.dtype().storage() == DType.Storage.BYTE && !t.dtype().isInteger()) {
      return String.format(Locale.ROOT, "0x%02x", t.bytes()[i] & 0xFF);
    }
    return t.formatElement(i);
  }

  /** The row-major multi-index of flat position i, e.g. {@code [1,0,2]}. */
  static String index(Tensor t, int flat) {
    int[] dims = t.shape().dims();
    int[] idx = new int[dims.length];
    for (int a = dims.length - 1; a >= 0; a--) {
      idx[a] = flat % dims[a];
      flat /= dims[a];
    }
    StringBuilder b = new StringBuilder("[");
    for (int a = 0; a < idx.length; a++) {
      b.append(a > 0 ? "," : "").append(idx[a]);
    }
    return b.append(']').toString();
  }
}
