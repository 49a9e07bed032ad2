package dev.vireo.bench.report;

import dev.vireo.bench.PeakFlopsBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file into a Markdown report: one table per benchmark class with Vireo and
 * onnxruntime side by side and the ratio of their mean times, GEMM throughput in GFLOP/s and as a
 * share of the fp32 peak measured by {@link PeakFlopsBenchmark} at the same thread count.
 *
 * <p>Usage: {@code Report <raw.json> <out.md> [note...]}; each note becomes a line under the title.
 */
public final class Report {
  /** One JMH result: benchmark class (simple name), method, parameters and the primary metric. */
  record Result(
      String benchmark,
      String method,
      Map<String, String> params,
      double mean,
      double error,
      double median,
      String unit) {

    /** The mean time of one operation in seconds; only time-per-operation units are accepted. */
    double seconds(double score) {
      return score * switch (unit) {
        case "s/op" -> 1.0;
        case "ms/op" -> 1e-3;
        case "us/op" -> 1e-6;
        case "ns/op" -> 1e-9;
        default -> throw new IllegalArgumentException(
            benchmark + "." + method + ": expected a time per operation unit, got " + unit);
      };
    }
  }

  private Report() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Report <raw.json> <out.md> [note...]");
      System.exit(2);
    }
    List<Result> results = parse(Files.readString(Path.of(args[0])));
    List<String> notes = Arrays.asList(args).subList(2, args.length);
    Files.writeString(Path.of(args[1]), render(results, notes));
  }

  /** Reads JMH's JSON result format (an array of result objects). */
  @SuppressWarnings("unchecked")
  static List<Result> parse(String json) {
    List<Result> out = new ArrayList<>();
    for (Object o : (List<Object>) Json.parse(json)) {
      Map<String, Object> r = (Map<String, Object>) o;
      String full = (String) r.get("benchmark");
      int dot = full.lastIndexOf('.');
      String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
      Map<String, String> params = new LinkedHashMap<>();
      Object p = r.get("params");
      if (p != null) {
        ((Map<String, Object>) p).forEach((k, v) -> params.put(k, String.valueOf(v)));
      }
      Map<String, Object> m = (Map<String, Object>) r.get("primaryMetric");
      Map<String, Object> pct = (Map<String, Object>) m.get("scorePercentiles");
      double mean = number(m.get("score"));
      double median = pct != null && pct.containsKey("50.0") ? number(pct.get("50.0")) : mean;
      out.add(new Result(cls, full.substring(dot + 1), params, mean, number(m.get("scoreError")),
          median, (String) m.get("scoreUnit")));
    }
    return out;
  }

  private static double number(Object o) {
    if (o instanceof Double d) {
      return d;
    }
    return o == null ? Double.NaN : Double.parseDouble(o.toString());
  }

  /** The Markdown report for the given results. */
  static String render(List<Result> results, List<String> notes) {
    StringBuilder md = new StringBuilder("# Vireo vs onnxruntime benchmarks\n\n");
    for (String n : notes) {
      md.append(n).append("\n\n");
    }
    md.append("Times are per operation: mean ± JMH's 99.9% error, and the median. ")
        .append("Ratio = Vireo mean / onnxruntime mean (below 1: Vireo is faster).\n");
    Map<String, Double> peak = new LinkedHashMap<>();
    Map<String, List<Result>> byClass = new LinkedHashMap<>();
    for (Result r : results) {
      byClass.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r);
      if (r.benchmark().equals("PeakFlopsBenchmark")) {
        double threads = Double.parseDouble(r.params().getOrDefault("threads", "1"));
        peak.put(r.params().getOrDefault("threads", "1"),
            threads * PeakFlopsBenchmark.FLOPS_PER_THREAD / r.seconds(r.mean()) / 1e9);
      }
    }
    for (Map.Entry<String, List<Result>> e : byClass.entrySet()) {
      md.append("\n## ").append(e.getKey()).append("\n\n");
      if (e.getKey().equals("PeakFlopsBenchmark")) {
        peakTable(md, e.getValue(), peak);
      } else if (e.getKey().equals("GemmBenchmark")) {
        gemmTable(md, e.getValue(), peak);
      } else if (e.getValue().stream().anyMatch(r -> !COMPARED.contains(r.method()))) {
        methodTables(md, e.getValue());
      } else {
        comparisonTable(md, e.getValue());
      }
    }
    return md.toString();
  }

  /** The method names of a Vireo-vs-onnxruntime benchmark. */
  private static final java.util.Set<String> COMPARED = java.util.Set.of("vireo", "onnxruntime");

  /** Ratio columns for benchmarks that compare other things than Vireo with onnxruntime: a / b. */
  private record RatioColumn(String a, String b, String label) {}

  private static final List<RatioColumn> RATIOS = List.of(
      new RatioColumn("matMulFp32", "matMulInt8", "int8 speed-up (fp32 time / int8 time)"),
      new RatioColumn("miniLmInt8", "miniLmFp32", "Vireo int8 / Vireo fp32"),
      new RatioColumn("miniLmInt8", "miniLmInt8Onnxruntime", "Vireo int8 / onnxruntime int8"));

  /**
   * For benchmarks whose methods are not a Vireo/onnxruntime pair: one table per parameter set,
   * a column per method and the {@link #RATIOS} that apply.
   */
  private static void methodTables(StringBuilder md, List<Result> results) {
    Map<java.util.Set<String>, List<Result>> byParams = new LinkedHashMap<>();
    for (Result r : results) {
      byParams.computeIfAbsent(r.params().keySet(), k -> new ArrayList<>()).add(r);
    }
    for (List<Result> group : byParams.values()) {
      List<String> methods = new ArrayList<>();
      Map<Map<String, String>, Map<String, Result>> rows = new LinkedHashMap<>();
      for (Result r : group) {
        if (!methods.contains(r.method())) {
          methods.add(r.method());
        }
        rows.computeIfAbsent(r.params(), k -> new LinkedHashMap<>()).put(r.method(), r);
      }
      List<RatioColumn> ratios = RATIOS.stream()
          .filter(c -> methods.contains(c.a()) && methods.contains(c.b())).toList();
      List<String> names = new ArrayList<>(group.get(0).params().keySet());
      md.append("| ").append(String.join(" | ", names));
      methods.forEach(m -> md.append(" | ").append(m));
      ratios.forEach(c -> md.append(" | ").append(c.label()));
      md.append(" |\n|").append("---|".repeat(names.size() + methods.size() + ratios.size())).append('\n');
      for (Map.Entry<Map<String, String>, Map<String, Result>> row : rows.entrySet()) {
        md.append("| ").append(String.join(" | ", row.getKey().values()));
        for (String m : methods) {
          Result r = row.getValue().get(m);
          md.append(" | ").append(r == null ? "—" : time(r));
        }
        for (RatioColumn c : ratios) {
          Result a = row.getValue().get(c.a());
          Result b = row.getValue().get(c.b());
          md.append(" | ").append(a == null || b == null ? "—" : fmt(a.seconds(a.mean()) / b.seconds(b.mean())));
        }
        md.append(" |\n");
      }
      md.append('\n');
    }
  }

  private static void peakTable(StringBuilder md, List<Result> rows, Map<String, Double> peak) {
    md.append("| threads | time | fp32 FMA peak GFLOP/s |\n|---|---|---|\n");
    for (Result r : rows) {
      String t = r.params().getOrDefault("threads", "1");
      md.append("| ").append(t).append(" | ").append(time(r)).append(" | ")
          .append(fmt(peak.get(t))).append(" |\n");
    }
  }

  /** One row per parameter combination: Vireo, onnxruntime and their ratio. */
  private static void comparisonTable(StringBuilder md, List<Result> results) {
    Map<Map<String, String>, Result[]> rows = new LinkedHashMap<>();
    for (Result r : results) {
      Result[] pair = rows.computeIfAbsent(r.params(), k -> new Result[2]);
      pair[r.method().equals("vireo") ? 0 : 1] = r;
    }
    List<String> names = new ArrayList<>(results.get(0).params().keySet());
    md.append("| ").append(String.join(" | ", names))
        .append(" | Vireo | onnxruntime | Vireo/onnxruntime |");
    md.append("\n|").append("---|".repeat(names.size() + 3)).append('\n');
    for (Map.Entry<Map<String, String>, Result[]> row : rows.entrySet()) {
      Result v = row.getValue()[0];
      Result o = row.getValue()[1];
      md.append("| ").append(String.join(" | ", row.getKey().values())).append(" | ")
          .append(v == null ? "—" : time(v)).append(" | ")
          .append(o == null ? "—" : time(o)).append(" | ")
          .append(ratio(v, o)).append(" |\n");
    }
  }

  /**
   * GEMM: a time column per method (onnxruntime last), each Vireo method's ratio to
   * onnxruntime, GFLOP/s per method (2·M·K·N over the mean time) and each Vireo method's share
   * of the peak measured at the same thread count.
   */
  private static void gemmTable(StringBuilder md, List<Result> results, Map<String, Double> peak) {
    String ort = "onnxruntime";
    List<String> methods = new ArrayList<>();
    Map<Map<String, String>, Map<String, Result>> rows = new LinkedHashMap<>();
    for (Result r : results) {
      if (!methods.contains(r.method()) && !r.method().equals(ort)) {
        methods.add(r.method());
      }
      rows.computeIfAbsent(r.params(), k -> new LinkedHashMap<>()).put(r.method(), r);
    }
    List<String> all = new ArrayList<>(methods);
    all.add(ort);
    List<String> names = new ArrayList<>(results.get(0).params().keySet());
    md.append("| ").append(String.join(" | ", names));
    all.forEach(m -> md.append(" | ").append(m));
    methods.forEach(m -> md.append(" | ").append(m).append("/").append(ort));
    all.forEach(m -> md.append(" | ").append(m).append(" GFLOP/s"));
    methods.forEach(m -> md.append(" | ").append(m).append(" % of peak"));
    md.append(" |\n|").append("---|".repeat(names.size() + 3 * all.size() + methods.size() - 1))
        .append('\n');
    for (Map.Entry<Map<String, String>, Map<String, Result>> row : rows.entrySet()) {
      Map<String, Result> byMethod = row.getValue();
      double flops = gemmFlops(row.getKey().get("shape"));
      Double p = peak.get(row.getKey().getOrDefault("threads", "1"));
      md.append("| ").append(String.join(" | ", row.getKey().values()));
      for (String m : all) {
        Result r = byMethod.get(m);
        md.append(" | ").append(r == null ? "—" : time(r));
      }
      for (String m : methods) {
        md.append(" | ").append(ratio(byMethod.get(m), byMethod.get(ort)));
      }
      for (String m : all) {
        md.append(" | ").append(fmt(gflops(flops, byMethod.get(m))));
      }
      for (String m : methods) {
        double g = gflops(flops, byMethod.get(m));
        md.append(" | ").append(p == null || Double.isNaN(g) ? "—" : fmt(100 * g / p) + "%");
      }
      md.append(" |\n");
    }
  }

  private static double gflops(double flops, Result r) {
    return r == null ? Double.NaN : flops / r.seconds(r.mean()) / 1e9;
  }

  /** a's mean time over b's, or a dash when either is missing. */
  private static String ratio(Result a, Result b) {
    return a == null || b == null ? "—" : fmt(a.seconds(a.mean()) / b.seconds(b.mean()));
  }

  /** 2·M·K·N for a shape parameter written {@code MxKxN}. */
  static double gemmFlops(String shape) {
    double f = 2;
    for (String d : shape.split("x")) {
      f *= Double.parseDouble(d);
    }
    return f;
  }

  private static String time(Result r) {
    String unit = r.unit().substring(0, r.unit().indexOf('/'));
    return fmt(r.mean()) + " ± " + fmt(r.error()) + " " + unit + " (median " + fmt(r.median()) + ")";
  }

  /** About three significant digits, never scientific notation for ordinary magnitudes. */
  static String fmt(Double v) {
    if (v == null || v.isNaN()) {
      return "—";
    }
    double a = Math.abs(v);
    // Thresholds sit at the rounding boundary so 99.96 prints as "100", not "100.0".
    String f = a >= 99.95 ? "%.0f" : a >= 9.995 ? "%.1f" : a >= 0.9995 ? "%.2f" : a >= 0.01 ? "%.3f" : "%.2g";
    return String.format(Locale.ROOT, f, v);
  }
}
