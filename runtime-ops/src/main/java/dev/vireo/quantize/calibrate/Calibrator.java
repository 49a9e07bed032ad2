package dev.vireo.quantize.calibrate;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.quantize.ModelCopy;
import dev.vireo.quantize.Progress;
import dev.vireo.tensor.Tensor;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the float range of chosen intermediate tensors by running the model in Vireo over a
 * calibration set: a copy of the model lists those tensors as extra graph outputs. Min/max takes
 * one pass; the histogram methods take a second pass that bins |x| up to the observed maximum.
 */
public final class Calibrator {
  private final CalibrationMethod method;
  private final double percentile;
  private final int threads;
  private final PrintWriter progress;

  /**
   * @param percentile used by {@link CalibrationMethod#PERCENTILE}, in (0, 100]
   * @param progress where the progress bar is drawn; null for none
   */
  public Calibrator(CalibrationMethod method, double percentile, int threads, PrintWriter progress) {
    this.method = method;
    this.percentile = percentile;
    this.threads = threads;
    this.progress = progress;
  }

  /**
   * The calibrated range of each named float tensor of {@code model} (which is not modified).
   *
   * @throws IllegalArgumentException when a name is no value of the graph
   */
  public Map<String, Range> calibrate(Model model, List<String> tensors, CalibrationSet samples) {
    Model copy = ModelCopy.of(model);
    Graph g = copy.graph();
    Map<String, Value> byName = new HashMap<>();
    g.inputs().forEach(v -> byName.put(v.name(), v));
    for (Node n : g.nodes()) {
      for (Value v : n.outputs()) {
        if (v != null) {
          byName.put(v.name(), v);
        }
      }
    }
    for (String t : tensors) {
      Value v = byName.get(t);
      if (v == null) {
        throw new IllegalArgumentException("calibration: no value '" + t + "' in the graph");
      }
      if (!g.outputs().contains(v)) {
        g.outputs().add(v);
      }
    }
    int passes = method.needsHistogram() ? 2 : 1;
    Progress bar = new Progress(progress, "calibrating", samples.size() * passes);
    Map<String, float[]> minMax = new LinkedHashMap<>();
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    try (Session s = Vireo.create(copy, SessionOptions.defaults().withThreads(threads))) {
      for (int pass = 0; pass < passes; pass++) {
        for (int i = 0; i < samples.size(); i++) {
          Map<String, Tensor> out = s.run(samples.sample(i));
          for (String t : tensors) {
            float[] x = out.get(t).toFloatArray();
            if (pass == 0) {
              float[] mm = minMax.computeIfAbsent(t, k -> new float[] {0, 0});
              for (float f : x) {
                mm[0] = Math.min(mm[0], f);
                mm[1] = Math.max(mm[1], f);
              }
            } else {
              float[] mm = minMax.get(t);
              histograms.computeIfAbsent(t, k -> new Histogram(Math.max(-mm[0], mm[1]))).add(x);
            }
          }
          bar.step();
        }
      }
    }
    Map<String, Range> ranges = new LinkedHashMap<>();
    for (String t : tensors) {
      float[] mm = minMax.get(t);
      Range r = new Range(mm[0], mm[1]);
      ranges.put(t, switch (method) {
        case MINMAX -> r;
        case PERCENTILE -> r.clip(histograms.get(t).percentile(percentile));
        case ENTROPY -> r.clip(histograms.get(t).entropyThreshold());
      });
    }
    return ranges;
  }
}
