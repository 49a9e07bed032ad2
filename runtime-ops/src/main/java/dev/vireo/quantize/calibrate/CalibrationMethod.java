package dev.vireo.quantize.calibrate;

import java.util.Locale;

/** How a static activation range is chosen from what calibration observed. */
public enum CalibrationMethod {
  /** The observed minimum and maximum. */
  MINMAX,
  /** The range clipped at a percentile of |x| (outliers beyond it saturate). */
  PERCENTILE,
  /**
   * The clipping threshold of |x| that minimizes the KL divergence between the observed
   * distribution and its 128-level quantized version (TensorRT's entropy calibration).
   */
  ENTROPY;

  /** Parses "minmax", "percentile" or "entropy" (any case). */
  public static CalibrationMethod parse(String s) {
    for (CalibrationMethod m : values()) {
      if (m.name().equalsIgnoreCase(s.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown calibration method '" + s + "'; expected minmax, percentile or entropy");
  }

  /** True when the method needs a histogram (a second pass over the samples). */
  public boolean needsHistogram() {
    return this != MINMAX;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
