package dev.vireo.optimize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What an {@link Optimizer} run did: the level, one entry per pass application that changed the
 * graph (node count before and after, rewrites, time), the rounds it took, and the op histogram
 * (op type to count, subgraphs included) before and after.
 */
public final class OptimizationReport {
  /**
   * One application of a pass to a graph (the main graph and its subgraphs together).
   *
   * @param round the fixpoint round, from 1
   * @param nodesBefore total node count (subgraphs included) before the pass
   * @param nodesAfter the same after
   * @param rewrites what the pass returned
   * @param nanos time spent in the pass (and the check after it)
   */
  public record PassRun(String pass, int round, int nodesBefore, int nodesAfter, int rewrites, long nanos) {}

  private final OptimizationLevel level;
  private final List<PassRun> runs;
  private final int rounds;
  private final Map<String, Integer> before;
  private final Map<String, Integer> after;
  private final long nanos;

  public OptimizationReport(
      OptimizationLevel level, List<PassRun> runs, int rounds,
      Map<String, Integer> before, Map<String, Integer> after, long nanos) {
    this.level = level;
    this.runs = List.copyOf(runs);
    this.rounds = rounds;
    this.before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
    this.after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    this.nanos = nanos;
  }

  public OptimizationLevel level() {
    return level;
  }

  /** Every pass application, in order (including those that changed nothing). */
  public List<PassRun> runs() {
    return runs;
  }

  /** How many rounds over the pass list ran (the last one changed nothing, unless the bound was hit). */
  public int rounds() {
    return rounds;
  }

  /** Op type (domain-qualified outside ai.onnx) to count before optimizing. */
  public Map<String, Integer> histogramBefore() {
    return before;
  }

  public Map<String, Integer> histogramAfter() {
    return after;
  }

  public int nodesBefore() {
    return before.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int nodesAfter() {
    return after.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Total rewrites of a pass over all rounds (0 when it never ran or never matched). */
  public int rewrites(String pass) {
    return runs.stream().filter(r -> r.pass().equals(pass)).mapToInt(PassRun::rewrites).sum();
  }

  /** Total time, passes and checks. */
  public long nanos() {
    return nanos;
  }

  /**
   * A multi-line summary: nodes before → after, the passes that changed something (summed over
   * rounds), and the op histogram before and after.
   */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "optimization level %s: %d -> %d nodes in %d round%s, %.1f ms%n",
        level, nodesBefore(), nodesAfter(), rounds, rounds == 1 ? "" : "s", nanos / 1e6));
    Map<String, long[]> perPass = new LinkedHashMap<>();
    for (PassRun r : runs) {
      long[] s = perPass.computeIfAbsent(r.pass(), k -> new long[] {r.nodesBefore(), 0, 0, 0});
      if (r.rewrites() > 0) {
        s[1] = r.nodesAfter();
        s[2] += r.rewrites();
      }
      s[3] += r.nanos();
    }
    int width = perPass.keySet().stream().mapToInt(String::length).max().orElse(4);
    for (Map.Entry<String, long[]> e : perPass.entrySet()) {
      long[] s = e.getValue();
      if (s[2] == 0) {
        continue;
      }
      b.append(String.format(Locale.ROOT, "  %-" + width + "s  %5d rewrites  %5d -> %5d nodes  %8.2f ms%n",
          e.getKey(), s[2], s[0], s[1], s[3] / 1e6));
    }
    long idle = perPass.values().stream().filter(s -> s[2] == 0).count();
    if (idle > 0) {
      b.append("  (").append(idle).append(" pass").append(idle == 1 ? "" : "es").append(" found nothing to do)\n");
    }
    b.append("operators (before -> after):\n");
    TreeSet<String> ops = new TreeSet<>(before.keySet());
    ops.addAll(after.keySet());
    List<String> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparing((String op) -> -Math.max(before.getOrDefault(op, 0), after.getOrDefault(op, 0)))
        .thenComparing(Comparator.naturalOrder()));
    int w = sorted.stream().mapToInt(String::length).max().orElse(4);
    for (String op : sorted) {
      int x = before.getOrDefault(op, 0);
      int y = after.getOrDefault(op, 0);
      b.append(String.format(Locale.ROOT, "  %-" + w + "s  %5d -> %5d%n", op, x, y));
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
