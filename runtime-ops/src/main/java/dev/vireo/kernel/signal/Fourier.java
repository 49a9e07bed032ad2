package dev.vireo.kernel.signal;

/**
 * The discrete Fourier transform of one complex sequence, in double, as the direct O(n·m) sum
 * over a table of the n-th roots of unity (exact index arithmetic, no accumulated rotation).
 */
final class Fourier {
  private final int n;
  private final double[] cos;
  private final double[] sin;

  /** Twiddles for transforms of length {@code n}. */
  Fourier(int n) {
    this.n = n;
    cos = new double[n];
    sin = new double[n];
    for (int k = 0; k < n; k++) {
      double a = 2 * Math.PI * k / n;
      cos[k] = Math.cos(a);
      sin[k] = Math.sin(a);
    }
  }

  /**
   * {@code out[k] = Σ_t in[t]·e^(∓2πi·k·t/n)} for k < outLen, over the first {@code inLen} input
   * values (the rest of the length-n sequence is zero); {@code inverse} uses the + sign and
   * divides by n.
   */
  void transform(double[] re, double[] im, int inLen, boolean inverse, double[] outRe, double[] outIm, int outLen) {
    double sign = inverse ? 1 : -1;
    double scale = inverse ? 1.0 / n : 1.0;
    for (int k = 0; k < outLen; k++) {
      double sr = 0;
      double si = 0;
      for (int t = 0; t < inLen; t++) {
        int j = (int) ((long) k * t % n);
        double c = cos[j];
        double s = sign * sin[j];
        sr += re[t] * c - im[t] * s;
        si += re[t] * s + im[t] * c;
      }
      outRe[k] = sr * scale;
      outIm[k] = si * scale;
    }
  }
}
