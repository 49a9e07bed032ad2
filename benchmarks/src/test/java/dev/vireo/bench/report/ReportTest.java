package dev.vireo.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static String result(String bench, String params, double score, String error, String unit) {
    return """
        {"jmhVersion":"1.37","benchmark":"dev.vireo.bench.%s","mode":"avgt","threads":1,
         "params":{%s},
         "primaryMetric":{"score":%s,"scoreError":%s,"scoreConfidence":[1,2],
           "scorePercentiles":{"0.0":1.0,"50.0":%s,"100.0":3.0},"scoreUnit":"%s","rawData":[[1.0,2.0]]},
         "secondaryMetrics":{}}"""
        .formatted(bench, params, score, error, score, unit);
  }

  // 805306368 flops in 4026.53184 us = 200 GFLOP/s; 2*512^3 = 268435456 flops.
  private static final String RAW = "["
      + result("PeakFlopsBenchmark.vireo", "\"threads\":\"1\"", 4026.53184, "\"NaN\"", "us/op") + ","
      + result("GemmBenchmark.vireo", "\"shape\":\"512x512x512\",\"threads\":\"1\"", 2684.35456, "12.5", "us/op") + ","
      + result("GemmBenchmark.onnxruntime", "\"shape\":\"512x512x512\",\"threads\":\"1\"", 1342.17728, "3.25e1", "us/op") + ","
      + result("MiniLmBenchmark.vireo", "\"seq\":\"16\",\"batch\":\"1\",\"threads\":\"1\"", 6.0, "0.5", "ms/op")
      + "]";

  @Test
  void parsesJmhJson() {
    List<Report.Result> rs = Report.parse(RAW);
    assertThat(rs).hasSize(4);
    Report.Result gemm = rs.get(2);
    assertThat(gemm.benchmark()).isEqualTo("GemmBenchmark");
    assertThat(gemm.method()).isEqualTo("onnxruntime");
    assertThat(gemm.params()).containsExactly(
        org.assertj.core.api.Assertions.entry("shape", "512x512x512"),
        org.assertj.core.api.Assertions.entry("threads", "1"));
    assertThat(gemm.error()).isEqualTo(32.5);
    assertThat(rs.get(0).error()).isNaN();
  }

  @Test
  void rendersPeakGemmThroughputRatioAndMissingPartner() {
    String md = Report.render(Report.parse(RAW), List.of("quick run: `cmd`"));
    assertThat(md).contains("quick run: `cmd`");
    assertThat(md).contains("| 1 | 4027 ± — us (median 4027) | 200 |");
    // Vireo 100 GFLOP/s, onnxruntime 200, ratio of times 2, half the peak.
    assertThat(md).contains("| shape | threads | vireo | onnxruntime | vireo/onnxruntime | vireo GFLOP/s"
        + " | onnxruntime GFLOP/s | vireo % of peak |\n|---|---|---|---|---|---|---|---|\n");
    assertThat(md).contains("| 512x512x512 | 1 | 2684 ± 12.5 us (median 2684) | 1342 ± 32.5 us (median 1342)"
        + " | 2.00 | 100 | 200 | 50.0% |");
    assertThat(md).contains("| 16 | 1 | 1 | 6.00 ± 0.500 ms (median 6.00) | — | — |");
  }

  @Test
  void gemmWithPackedVariantGetsRatioAndPeakShareForEachVireoMethod() {
    String raw = RAW.substring(0, RAW.length() - 1) + ","
        + result("GemmBenchmark.vireoPacked", "\"shape\":\"512x512x512\",\"threads\":\"1\"", 1677.7216, "1.0", "us/op")
        + "]";
    String md = Report.render(Report.parse(raw), List.of());
    // vireoPacked: 268435456 flops in 1677.7216 us = 160 GFLOP/s, 80% of the 200 peak, 1.25x onnxruntime's time.
    assertThat(md).contains("| shape | threads | vireo | vireoPacked | onnxruntime | vireo/onnxruntime"
        + " | vireoPacked/onnxruntime | vireo GFLOP/s | vireoPacked GFLOP/s | onnxruntime GFLOP/s"
        + " | vireo % of peak | vireoPacked % of peak |");
    assertThat(md).contains(" | 2.00 | 1.25 | 100 | 160 | 200 | 50.0% | 80.0% |");
  }

  @Test
  void int8BenchmarkGetsAColumnPerMethodAndItsRatios() {
    String raw = "["
        + result("Int8Benchmark.matMulInt8", "\"shape\":\"1x384x1536\"", 20.0, "1.0", "us/op") + ","
        + result("Int8Benchmark.matMulFp32", "\"shape\":\"1x384x1536\"", 100.0, "2.0", "us/op") + ","
        + result("Int8Benchmark.miniLmInt8", "\"seq\":\"128\"", 30.0, "1.0", "ms/op") + ","
        + result("Int8Benchmark.miniLmFp32", "\"seq\":\"128\"", 24.0, "1.0", "ms/op") + ","
        + result("Int8Benchmark.miniLmInt8Onnxruntime", "\"seq\":\"128\"", 10.0, "1.0", "ms/op")
        + "]";
    String md = Report.render(Report.parse(raw), List.of());
    assertThat(md).contains("| shape | matMulInt8 | matMulFp32 | int8 speed-up (fp32 time / int8 time) |");
    assertThat(md).contains("| 1x384x1536 | 20.0 ± 1.00 us (median 20.0) | 100 ± 2.00 us (median 100) | 5.00 |");
    // 30/24 = 1.25 against Vireo fp32, 30/10 = 3 against onnxruntime int8
    assertThat(md).contains("| 128 | 30.0 ± 1.00 ms (median 30.0) | 24.0 ± 1.00 ms (median 24.0)"
        + " | 10.0 ± 1.00 ms (median 10.0) | 1.25 | 3.00 |");
  }

  @Test
  void gemmFlopsAndFormatting() {
    assertThat(Report.gemmFlops("128x384x1536")).isEqualTo(2.0 * 128 * 384 * 1536);
    assertThat(Report.fmt(0.0012345)).isEqualTo("0.0012");
    assertThat(Report.fmt(Double.NaN)).isEqualTo("—");
  }

  @Test
  void rejectsMalformedJsonWithOffset() {
    assertThatThrownBy(() -> Report.parse("[{\"a\":1,}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset 8");
  }
}
