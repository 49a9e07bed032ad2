package dev.vireo.quantize.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistogramTest {
  private static final float BIN = 1f / Histogram.BINS;

  @Test
  void percentileOfUniformValues() {
    float[] x = new float[10_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 2 == 0 ? 1 : -1) * i / (float) x.length; // |x| uniform over [0, 1)
    }
    Histogram h = new Histogram(1f);
    h.add(x);
    assertThat(h.percentile(50)).isCloseTo(0.5f, within(2 * BIN));
    assertThat(h.percentile(99)).isCloseTo(0.99f, within(2 * BIN));
    assertThat(h.percentile(100)).isCloseTo(1f, within(2 * BIN));
  }

  @Test
  void entropyKeepsTheRangeOfUniformValues() {
    SplittableRandom r = new SplittableRandom(4);
    float[] x = new float[100_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    Histogram h = new Histogram(1f);
    h.add(x);
    assertThat(h.entropyThreshold()).isGreaterThan(0.9f);
  }

  @Test
  void entropyClipsRareOutliers() {
    SplittableRandom r = new SplittableRandom(5);
    float[] x = new float[100_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian() * 0.1f;
    }
    x[0] = 10f; // one outlier sets the histogram's range
    Histogram h = new Histogram(10f);
    h.add(x);
    float t = h.entropyThreshold();
    assertThat(t).isGreaterThan(0.2f).isLessThan(2f);
  }
}
