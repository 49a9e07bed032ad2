package dev.vireo.quantize;

import dev.vireo.Session;
import dev.vireo.quantize.calibrate.CalibrationSet;
import dev.vireo.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How close the quantized model stays to the float one on a set of inputs: per output, the cosine
 * similarity of all its values (over every sample) and the largest absolute difference; and the
 * size of both models as ONNX files.
 */
public record AccuracyReport(Map<String, OutputStats> outputs, long floatBytes, long quantizedBytes) {

  /**
   * The comparison of one output; {@code top1Agreement} is the fraction of rows with the same
   * largest column for outputs of rank 2 with more than one column (classifier-like), NaN for others.
   */
  public record OutputStats(double cosine, double maxAbsError, double top1Agreement) {
    public OutputStats(double cosine, double maxAbsError) {
      this(cosine, maxAbsError, Double.NaN);
    }
  }

  /** Quantized size over float size. */
  public double sizeRatio() {
    return floatBytes == 0 ? 0 : quantizedBytes / (double) floatBytes;
  }

  /**
   * Runs both sessions on every sample and compares their float outputs (others are skipped).
   *
   * @param progress drawn over the samples; may draw nothing
   */
  static AccuracyReport measure(Session reference, Session quantized, CalibrationSet samples,
      long floatBytes, long quantizedBytes, Progress progress) {
    Map<String, double[]> acc = new LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      Map<String, Tensor> feeds = samples.sample(i);
      Map<String, Tensor> want = reference.run(feeds);
      Map<String, Tensor> got = quantized.run(feeds);
      for (Map.Entry<String, Tensor> e : want.entrySet()) {
        Tensor g = got.get(e.getKey());
        if (g == null || !e.getValue().dtype().isFloatingPoint()) {
          continue;
        }
        float[] a = e.getValue().toFloatArray();
        float[] b = g.toFloatArray();
        double[] s = acc.computeIfAbsent(e.getKey(), k -> new double[6]);
        Tensor w = e.getValue();
        if (w.rank() == 2 && w.shape().dim(1) > 1 && g.rank() == 2) {
          int width = (int) w.shape().dim(1);
          for (int r = 0; r < a.length / width; r++) {
            s[4] += AccuracyTuner.argmax(a, r, width) == AccuracyTuner.argmax(b, r, width) ? 1 : 0;
            s[5]++;
          }
        }
        for (int j = 0; j < Math.min(a.length, b.length); j++) {
          s[0] += (double) a[j] * b[j];
          s[1] += (double) a[j] * a[j];
          s[2] += (double) b[j] * b[j];
          s[3] = Math.max(s[3], Math.abs((double) a[j] - b[j]));
        }
      }
      progress.step();
    }
    Map<String, OutputStats> out = new LinkedHashMap<>();
    acc.forEach((k, s) -> out.put(k, new OutputStats(
        s[1] == 0 && s[2] == 0 ? 1 : s[1] == 0 || s[2] == 0 ? 0 : s[0] / Math.sqrt(s[1] * s[2]), s[3], s[5] == 0 ? Double.NaN : s[4] / s[5])));
    return new AccuracyReport(out, floatBytes, quantizedBytes);
  }

  /** A few lines for people: one per output, then the sizes. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    outputs.forEach((k, s) -> sb.append(String.format(Locale.ROOT,
        "output %s: cosine %.6f, max abs error %.6g%s%n", k, s.cosine(), s.maxAbsError(),
        Double.isNaN(s.top1Agreement()) ? "" : String.format(Locale.ROOT, ", top-1 agreement %.4f",
            s.top1Agreement()))));
    sb.append(String.format(Locale.ROOT, "model size: %,d bytes float, %,d bytes quantized (%.1f%%)%n",
        floatBytes, quantizedBytes, 100 * sizeRatio()));
    return sb.toString();
  }
}
