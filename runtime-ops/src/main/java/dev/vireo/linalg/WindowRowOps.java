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

  /**
   * {@code planes} consecutive [inH, inW] planes of a 3×3 depthwise convolution with dilation 1,
   * stride 1 or 2 and zero padding, each with its bias and a clamp (the activations Relu, Clip
   * and none) applied before the store. Plane q reads {@code x[xOff + q·inH·inW ..]}, filter
   * {@code w[wOff + 9q ..]} and bias {@code bias[bOff + q]} (0 when bias is null), and writes
   * {@code y[yOff + q·outH·outW + oh·outW + ow] = min(max((a0 + a1) + a2, lo), hi)}: kernel row kh
   * sums into {@code a_kh}, which starts at the bias for kh = 0 and at 0 otherwise and takes, for
   * kw in [0, 3), {@code a_kh = fma(w[3kh + kw], v, a_kh)} with v the input at row {@code
   * oh·stride − padT + kh}, column {@code ow·stride − padL + kw}, or 0 outside the plane (so every
   * implementation gives the same bits). Reads only the planes' elements.
   *
   * @param scratch at least {@link #conv3x3Scratch} floats of the caller's, contents unspecified
   */
  void conv3x3(float[] x, int xOff, int inH, int inW, int stride, int padT, int padL, float[] w,
      int wOff, float[] bias, int bOff, float lo, float hi, float[] y, int yOff, int outH,
      int outW, int planes, float[] scratch);

  /** The scratch floats {@link #conv3x3} needs for this geometry. */
  int conv3x3Scratch(int inW, int padL, int outH, int outW, int stride);
}
