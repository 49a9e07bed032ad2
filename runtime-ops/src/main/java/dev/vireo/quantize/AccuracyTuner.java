package dev.vireo.quantize;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import dev.vireo.quantize.calibrate.CalibrationSet;
import dev.vireo.quantize.calibrate.Range;
import dev.vireo.tensor.Tensor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy-aware static quantization: leaves the most sensitive nodes in float until the quantized
 * model agrees with the float model on the calibration samples by at least
 * {@link QuantizeOptions#accuracyTarget()}.
 *
 * <ol>
 *   <li>Everything is quantized and {@link #agreement} is measured on all calibration samples.
 *   <li>Below the target, every candidate unit (a quantized node with a unique, non-empty name;
 *       a Conv, MatMul or Gemm together with the Relu or Clip that shares its pair, see
 *       {@link #candidates}) is ranked by its own error: the model is quantized with that unit
 *       alone (all other units in float) and the squared error of the outputs, relative to their squared norm, is
 *       measured on the first {@link #RANKING_SAMPLES} samples. Quantizing one unit alone isolates
 *       the error it makes and the amplification of that error downstream; leaving one unit in
 *       float among quantized ones would measure it against the noise of all the others.
 *   <li>The worst-ranked units go back to float in groups of about 5% of the units (at least
 *       one), the agreement being measured again on all samples after each group, until it reaches
 *       the target or every candidate is float.
 *   <li>The units of the last group are tried in int8 again one by one, least sensitive first, and
 *       stay quantized where the target still holds.
 * </ol>
 *
 * A node left in float keeps its float weights; the activations it shares with quantized
 * neighbours keep their QuantizeLinear/DequantizeLinear pairs. The calibrated ranges are computed
 * once, for every tensor any exclusion may need.
 */
final class AccuracyTuner {
  /** Samples of the per-node ranking runs (the agreement itself uses all samples). */
  static final int RANKING_SAMPLES = 8;
  /** Fraction of the candidates moved to float per step. */
  private static final double GROUP_FRACTION = 0.05;

  /** The chosen model, its quantized node count, the nodes left in float, and the agreement reached. */
  record Outcome(Model model, int quantizedNodes, List<String> floatNodes, double agreement) {}

  private final Model folded;
  private final QuantizeOptions options;
  private final Map<String, Range> ranges;
  private final CalibrationSet samples;
  private final PrintWriter log;
  private final SessionOptions sessionOptions;
  private List<Map<String, Tensor>> reference;

  /**
   * @param folded the float model after the static rewrites, shapes inferred (not modified)
   * @param ranges calibrated ranges of {@link StaticQuantizer#activationsUnderExclusions()}
   * @param log where each step is printed; null for nowhere
   */
  AccuracyTuner(Model folded, QuantizeOptions options, Map<String, Range> ranges, CalibrationSet samples,
      PrintWriter log) {
    this.folded = folded;
    this.options = options;
    this.ranges = ranges;
    this.samples = samples;
    this.log = log;
    this.sessionOptions = SessionOptions.defaults().withThreads(options.threads());
  }

  /** Runs the search described in the class comment (steps 1 to 4). */
  Outcome tune() {
    reference = run(folded, samples.size());
    List<List<String>> candidates = candidates();
    Outcome all = trial(List.of());
    print("all %d nodes quantized: agreement %.4f (target %.4f)", all.quantizedNodes(), all.agreement(),
        options.accuracyTarget());
    if (all.agreement() >= options.accuracyTarget() || candidates.isEmpty()) {
      return all;
    }
    List<List<String>> ranked = rank(candidates);
    int group = Math.max(1, (int) Math.round(candidates.size() * GROUP_FRACTION));
    List<String> fallback = new ArrayList<>();
    Outcome current = all;
    for (int from = 0; from < ranked.size(); from += group) {
      List<List<String>> last = ranked.subList(from, Math.min(ranked.size(), from + group));
      List<String> step = new ArrayList<>();
      last.forEach(step::addAll);
      fallback.addAll(step);
      current = trial(fallback);
      print("float %s: %d nodes quantized, agreement %.4f", step, current.quantizedNodes(), current.agreement());
      if (current.agreement() >= options.accuracyTarget()) {
        return refine(current, last);
      }
    }
    print("target %.4f not reached with every candidate in float", options.accuracyTarget());
    return current;
  }

  /**
   * Re-quantizes the units of the last group, least sensitive first, one by one, keeping each
   * whose return leaves the agreement at or above the target: a group overshoots by up to its size,
   * and this costs at most one trial per unit of that group.
   */
  private Outcome refine(Outcome met, List<List<String>> lastGroup) {
    if (lastGroup.size() < 2) {
      return met;
    }
    Outcome best = met;
    for (int i = lastGroup.size() - 1; i >= 0; i--) {
      List<String> without = new ArrayList<>(best.floatNodes());
      without.removeAll(lastGroup.get(i));
      Outcome t = trial(without);
      boolean keep = t.agreement() >= options.accuracyTarget();
      print("quantize %s again: agreement %.4f, %s", lastGroup.get(i), t.agreement(), keep ? "kept" : "back to float");
      if (keep) {
        best = t;
      }
    }
    return best;
  }

  /**
   * How closely {@code got} follows {@code want} (per sample, the outputs by name): the lowest,
   * over the float outputs, of
   *
   * <ul>
   *   <li>the centered cosine similarity: the cosine of all values of the output once the float
   *       output's mean over the samples (per element; for rank-2 outputs, per column over every
   *       row of every sample) is subtracted from both, so that a part common to all inputs cannot
   *       hide the error in the part that tells inputs apart (plain cosine when that part is 0,
   *       as with one sample);
   *   <li>and, for outputs of rank 2 with more than one column (one row per example: classifier
   *       logits or probabilities), the top-1 agreement: the fraction of rows whose largest value
   *       is in the same column.
   * </ul>
   *
   * The centered cosine is what makes a small calibration set informative: 32 samples resolve
   * top-1 agreement to 3% only, while the cosine sees the error of every logit. 1 when there is no
   * float output.
   */
  static double agreement(List<Map<String, Tensor>> want, List<Map<String, Tensor>> got) {
    double worst = 1;
    for (String name : want.get(0).keySet()) {
      Tensor first = want.get(0).get(name);
      if (!first.dtype().isFloatingPoint()) {
        continue;
      }
      boolean rows = first.rank() == 2 && first.shape().dim(1) > 1;
      int period = rows ? (int) first.shape().dim(1) : (int) first.size();
      double[] mean = new double[period];
      long count = 0;
      for (Map<String, Tensor> w : want) {
        float[] a = w.get(name).toFloatArray();
        for (int j = 0; j < a.length; j++) {
          mean[j % period] += a[j];
        }
        count += a.length / period;
      }
      for (int j = 0; j < period; j++) {
        mean[j] /= count;
      }
      long agree = 0;
      long total = 0;
      double[] centered = new double[3];
      double[] plain = new double[3];
      for (int i = 0; i < want.size(); i++) {
        float[] a = want.get(i).get(name).toFloatArray();
        float[] b = got.get(i).get(name).toFloatArray();
        for (int j = 0; j < a.length; j++) {
          double x = a[j] - mean[j % period];
          double y = b[j] - mean[j % period];
          centered[0] += x * y;
          centered[1] += x * x;
          centered[2] += y * y;
          plain[0] += (double) a[j] * b[j];
          plain[1] += (double) a[j] * a[j];
          plain[2] += (double) b[j] * b[j];
        }
        if (rows) {
          for (int r = 0; r < a.length / period; r++, total++) {
            agree += argmax(a, r, period) == argmax(b, r, period) ? 1 : 0;
          }
        }
      }
      double[] d = centered[1] > 0 ? centered : plain;
      double cosine = d[1] == 0 && d[2] == 0 ? 1 : d[1] == 0 || d[2] == 0 ? 0 : d[0] / Math.sqrt(d[1] * d[2]);
      worst = Math.min(worst, cosine);
      if (rows) {
        worst = Math.min(worst, agree / (double) total);
      }
    }
    return worst;
  }

  static int argmax(float[] p, int row, int n) {
    int best = 0;
    for (int j = 1; j < n; j++) {
      if (p[row * n + j] > p[row * n + best]) {
        best = j;
      }
    }
    return best;
  }

  /**
   * The units of fallback, in graph order: each quantized node with a unique, non-empty name,
   * except that a Conv, MatMul or Gemm and the Relu or Clip that shares its QuantizeLinear pair
   * form one unit (leaving only one of them in float would give the unclamped output a pair of
   * its own, often the most damaging tensor of all).
   */
  private List<List<String>> candidates() {
    StaticQuantizer sq = new StaticQuantizer(folded, options);
    Map<String, Integer> uses = new HashMap<>();
    folded.graph().nodes().forEach(n -> uses.merge(n.name() == null ? "" : n.name(), 1, Integer::sum));
    Map<Node, Node> clamped = sq.clampedProducers();
    Set<Node> clamps = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    clamps.addAll(clamped.values());
    List<List<String>> units = new ArrayList<>();
    for (Node n : folded.graph().nodes()) {
      if (!sq.quantizes(n) || clamps.contains(n) || !named(n, uses)) {
        continue;
      }
      Node clamp = clamped.get(n);
      if (clamp == null) {
        units.add(List.of(n.name()));
      } else if (named(clamp, uses)) {
        units.add(List.of(n.name(), clamp.name()));
      }
    }
    return units;
  }

  private static boolean named(Node n, Map<String, Integer> uses) {
    return n.name() != null && !n.name().isEmpty() && uses.get(n.name()) == 1;
  }

  /** Units by decreasing error when each is the only quantized unit. */
  private List<List<String>> rank(List<List<String>> units) {
    int n = Math.min(RANKING_SAMPLES, samples.size());
    Map<List<String>, Double> error = new HashMap<>();
    Set<String> all = new HashSet<>();
    units.forEach(all::addAll);
    Progress bar = new Progress(log, "ranking    ", units.size());
    for (List<String> u : units) {
      Set<String> others = new HashSet<>(all);
      u.forEach(others::remove);
      Model m = quantized(others).model();
      error.put(u, relativeError(reference.subList(0, n), run(m, n)));
      bar.step();
    }
    List<List<String>> ranked = new ArrayList<>(units);
    ranked.sort(Comparator.comparing((List<String> u) -> error.get(u)).reversed());
    if (log != null) {
      StringBuilder sb = new StringBuilder("sensitivity (relative squared output error, unit alone quantized):");
      for (List<String> u : ranked.subList(0, Math.min(10, ranked.size()))) {
        sb.append(String.format(Locale.ROOT, " %s %.3g", String.join("+", u), error.get(u)));
      }
      print("%s%s", sb, ranked.size() > 10 ? " ..." : "");
    }
    return ranked;
  }

  private Outcome trial(List<String> floatNodes) {
    Quantized q = quantized(new HashSet<>(floatNodes));
    return new Outcome(q.model(), q.count(), List.copyOf(floatNodes),
        agreement(reference, run(q.model(), samples.size())));
  }

  private record Quantized(Model model, int count) {}

  /** A copy of the folded model quantized with {@code extra} nodes excluded as well. */
  private Quantized quantized(Set<String> extra) {
    Model m = ModelCopy.of(folded);
    ShapeInference.run(m.graph(), StandardOps.registry());
    Set<String> nodes = new HashSet<>(options.excludeNodes());
    nodes.addAll(extra);
    int count = new StaticQuantizer(m, options.withExcluded(options.excludeOpTypes(), nodes)).apply(ranges);
    return new Quantized(m, count);
  }

  private List<Map<String, Tensor>> run(Model m, int count) {
    List<Map<String, Tensor>> out = new ArrayList<>();
    try (Session s = Vireo.create(ModelCopy.of(m), sessionOptions)) {
      for (int i = 0; i < count; i++) {
        out.add(s.run(samples.sample(i)));
      }
    }
    return out;
  }

  /** Sum over float outputs of |got - want|² / |want|². */
  private static double relativeError(List<Map<String, Tensor>> want, List<Map<String, Tensor>> got) {
    double total = 0;
    for (String name : want.get(0).keySet()) {
      if (!want.get(0).get(name).dtype().isFloatingPoint()) {
        continue;
      }
      double err = 0;
      double norm = 0;
      for (int i = 0; i < want.size(); i++) {
        float[] a = want.get(i).get(name).toFloatArray();
        float[] b = got.get(i).get(name).toFloatArray();
        for (int j = 0; j < a.length; j++) {
          err += (a[j] - (double) b[j]) * (a[j] - (double) b[j]);
          norm += (double) a[j] * a[j];
        }
      }
      total += norm == 0 ? err : err / norm;
    }
    return total;
  }

  private void print(String format, Object... args) {
    if (log != null) {
      log.println(String.format(Locale.ROOT, format, args));
      log.flush();
    }
  }
}
