package dev.vireo.kernel.nn;

/**
 * A per-thread float buffer that grows to the largest size asked and is then reused, so kernels
 * allocate no scratch space in steady state. Callers must not hold one across a nested use of the
 * same instance on the same thread.
 */
public final class Scratch {
  private final ThreadLocal<float[][]> local = ThreadLocal.withInitial(() -> new float[][] {new float[0]});
  private final ThreadLocal<int[][]> ints = ThreadLocal.withInitial(() -> new int[][] {new int[0]});

  /** This thread's buffer, at least {@code n} floats long; contents unspecified. */
  public float[] floats(int n) {
    float[][] h = local.get();
    if (h[0].length < n) {
      h[0] = new float[n];
    }
    return h[0];
  }

  /** This thread's int buffer, at least {@code n} ints long; contents unspecified. */
  public int[] ints(int n) {
    int[][] h = ints.get();
    if (h[0].length < n) {
      h[0] = new int[n];
    }
    return h[0];
  }
}
