package dev.vireo.linalg;

/**
 * Row loops of sliding-window ops over a {@link PaddedPlane}: every tap of an output row reads a
 * contiguous run of the plane, so a row is a sum (or max) of shifted contiguous runs. Stateless
 * and safe to call from many threads.
 */
public interface WindowRowOps {
  /**
   * {@code y[yOff + i] = Σt w[wOff + t]·x[tap[t] + i]} for i in [0, n), t in [0, taps), each step
   * a fused multiply-add in tap order (so every implementation gives the same bits).
   */
  void weightedSum(float[] x, int[] tap, float[] w, int wOff, int taps, float[] y, int yOff, int n);

  /**
   * Splits {@code m} consecutive floats into their even- and odd-indexed elements: {@code
   * even[eOff + i] = x[xOff + 2i]} and {@code odd[oOff + i] = x[xOff + 2i + 1]} for the indices
   * below m (the stride-2 column phases of a {@link PaddedPlane}).
   */
  void deinterleave(float[] x, int xOff, int m, float[] even, int eOff, float[] odd, int oOff);

  /** {@code y[yOff + i] = max over t of x[tap[t] + i]} (NaN when any tap is NaN), taps >= 1. */
  void max(float[] x, int[] tap, int taps, float[] y, int yOff, int n);
}
