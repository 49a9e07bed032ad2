package dev.vireo.linalg;

/**
 * The right-hand operand B (k×n) of {@link Sgemm} prepared once for many products, typically a
 * constant weight matrix packed when a plan is built.
 *
 * <p>With SIMD kernels the data is in the vector GEMM's panel layout, so products skip packing
 * B; with the scalar kernels it is a plain row-major k×n copy (a transposed source is
 * transposed once). Immutable and safe to share between threads.
 */
public final class PackedMatrix {
  private final int k;
  private final int n;
  private final float[] data;
  private final boolean panels;

  PackedMatrix(int k, int n, float[] data, boolean panels) {
    this.k = k;
    this.n = n;
    this.data = data;
    this.panels = panels;
  }

  /** Rows of B (the inner dimension of the product). */
  public int rows() {
    return k;
  }

  /** Columns of B (the columns of the product). */
  public int columns() {
    return n;
  }

  /** Floats held, padding included. */
  public long footprint() {
    return data.length;
  }

  float[] data() {
    return data;
  }

  /** Whether data is in the vector GEMM's panel layout (else plain row-major k×n). */
  boolean panels() {
    return panels;
  }
}
