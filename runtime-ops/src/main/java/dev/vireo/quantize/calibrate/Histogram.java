package dev.vireo.quantize.calibrate;

/**
 * A histogram of |x| over [0, limit] in {@link #BINS} equal bins; values beyond the limit count
 * in the last bin. Gives the clipping threshold of {@link CalibrationMethod#PERCENTILE} and
 * {@link CalibrationMethod#ENTROPY}.
 */
public final class Histogram {
  /** Bins of the histogram, as in TensorRT's entropy calibrator. */
  public static final int BINS = 2048;

  /** Quantized levels the entropy search compares against (the non-negative half of int8). */
  static final int LEVELS = 128;

  private final float limit;
  private final long[] counts = new long[BINS];

  /** @param limit the largest |x| expected (from a min/max pass); > 0 */
  public Histogram(float limit) {
    this.limit = limit > 0 ? limit : Float.MIN_NORMAL;
  }

  public void add(float[] values) {
    double perBin = BINS / (double) limit;
    for (float v : values) {
      int b = (int) (Math.abs(v) * perBin);
      counts[Math.min(b, BINS - 1)]++;
    }
  }

  private double binWidth() {
    return limit / (double) BINS;
  }

  /** The smallest t such that at least {@code percentile}% of |x| are <= t (bin upper edge). */
  public float percentile(double percentile) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    double want = total * percentile / 100.0;
    long seen = 0;
    for (int i = 0; i < BINS; i++) {
      seen += counts[i];
      if (seen >= want) {
        return (float) ((i + 1) * binWidth());
      }
    }
    return limit;
  }

  /**
   * The threshold minimizing KL(P || Q), where P is the histogram clipped at the threshold
   * (outliers added to its last bin) and Q is P merged into {@link #LEVELS} levels and spread
   * back over the bins that were non-empty in P.
   */
  public float entropyThreshold() {
    double best = Double.POSITIVE_INFINITY;
    int bestBins = BINS;
    for (int i = LEVELS; i <= BINS; i++) {
      double kl = divergence(i);
      if (kl < best) {
        best = kl;
        bestBins = i;
      }
    }
    return (float) (bestBins * binWidth());
  }

  /** KL(P || Q) when clipping after {@code n} bins; infinite when undefined. */
  private double divergence(int n) {
    double[] p = new double[n];
    for (int j = 0; j < n; j++) {
      p[j] = counts[j];
    }
    for (int j = n; j < BINS; j++) {
      p[n - 1] += counts[j];
    }
    double[] q = new double[n];
    double merge = n / (double) LEVELS;
    for (int level = 0; level < LEVELS; level++) {
      int from = (int) Math.floor(level * merge);
      int to = level == LEVELS - 1 ? n : (int) Math.floor((level + 1) * merge);
      double sum = 0;
      int nonZero = 0;
      for (int j = from; j < to; j++) {
        sum += counts[j];
        if (counts[j] != 0) {
          nonZero++;
        }
      }
      for (int j = from; j < to; j++) {
        q[j] = counts[j] == 0 || nonZero == 0 ? 0 : sum / nonZero;
      }
    }
    double sp = 0;
    double sq = 0;
    for (int j = 0; j < n; j++) {
      sp += p[j];
      sq += q[j];
    }
    if (sp == 0 || sq == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double kl = 0;
    for (int j = 0; j < n; j++) {
      if (p[j] == 0) {
        continue;
      }
      double pj = p[j] / sp;
      // a P mass where Q has none: smooth Q instead of declaring the threshold impossible
      double qj = q[j] == 0 ? 1e-4 / sq : q[j] / sq;
      kl += pj * Math.log(pj / qj);
    }
    return kl;
  }
}
