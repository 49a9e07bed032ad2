package dev.vireo.linalg;

/**
 * The {@link QuantMath} in use: the Vector API one when SIMD is enabled, else the scalar
 * reference. Loaded once; the field is a constant to the JIT.
 */
public final class QuantMaths {
  private static final QuantMath VECTOR =
      Vectorization.load("dev.vireo.linalg.panama.PanamaQuantMath", QuantMath.class);
  private static final QuantMath MATH = VECTOR != null ? VECTOR : new ScalarQuantMath();

  private QuantMaths() {}

  public static QuantMath get() {
    return MATH;
  }
}
