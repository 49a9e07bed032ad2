package dev.vireo.linalg;

/**
 * The {@link IndirectGemm} in use: the Vector API kernel when SIMD is enabled, else null (the
 * convolutions then run their scalar im2col path). Loaded once; the field is a constant to the JIT.
 */
public final class IndirectGemms {
  private static final IndirectGemm VECTOR =
      Vectorization.load("dev.vireo.linalg.panama.PanamaIndirectGemm", IndirectGemm.class);

  private IndirectGemms() {}

  /** The vector kernel, or null when the scalar kernels are in use. */
  public static IndirectGemm vector() {
    return VECTOR;
  }
}
