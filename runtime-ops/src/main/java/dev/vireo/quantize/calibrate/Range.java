package dev.vireo.quantize.calibrate;

/** A calibrated float range of one tensor; {@code min <= max}. */
public record Range(float min, float max) {
  public Range {
    if (!(min <= max)) {
      throw new IllegalArgumentException("range min " + min + " > max " + max);
    }
  }

  /** This range clipped to [-threshold, threshold]. */
  public Range clip(float threshold) {
    return new Range(Math.max(min, -threshold), Math.min(max, threshold));
  }
}
