package dev.vireo.linalg;

/**
 * The {@link Int8Gemm} in use: the Vector API kernel when SIMD is enabled, else the scalar
 * reference. Loaded once; the field is a constant to the JIT.
 */
public final class Int8Gemms {
  private static final Int8Gemm VECTOR =
      Vectorization.load("dev.vireo.linalg.panama.PanamaInt8Gemm", Int8Gemm.class);
  private static final Int8Gemm KERNEL = VECTOR != null ? VECTOR : new ScalarInt8Gemm(16);

  private Int8Gemms() {}

  public static Int8Gemm kernel() {
    return KERNEL;
  }

  /** Packs row-major K×N bytes for {@link #kernel()}; see {@link Int8Panels#pack}. */
  public static Int8Panels pack(byte[] b, int off, int k, int n, boolean unsigned, int[] zeroPoint) {
    return Int8Panels.pack(b, off, k, n, unsigned, zeroPoint, KERNEL.panelWidth());
  }
}
