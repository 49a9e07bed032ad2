package dev.vireo.quantize;

import dev.vireo.quantize.calibrate.CalibrationMethod;
import java.util.Locale;
import java.util.Set;

/**
 * What {@link Quantizer} does to a model.
 *
 * @param mode dynamic (weights only; activations quantized at run time) or static (activations
 *     quantized with ranges calibrated on sample inputs)
 * @param format how the quantized graph is written: QuantizeLinear/DequantizeLinear pairs around
 *     float ops, or integer operators (QLinearConv, QLinearMatMul) where a standard one exists
 * @param method how static activation ranges are chosen from the calibration statistics
 * @param percentile the percentile of |x| kept by {@link CalibrationMethod#PERCENTILE}, in (0, 100]
 * @param perChannel one weight scale per output channel instead of one per tensor
 * @param excludeOpTypes op types left in float
 * @param excludeNodes node names left in float
 * @param threads threads of the calibration and report runs
 */
public record QuantizeOptions(
    Mode mode,
    Format format,
    CalibrationMethod method,
    double percentile,
    boolean perChannel,
    Set<String> excludeOpTypes,
    Set<String> excludeNodes,
    int threads) {

  /** Dynamic or static quantization. */
  public enum Mode {
    DYNAMIC,
    STATIC;

    /** Parses "dynamic" or "static" (any case); the message names the accepted values. */
    public static Mode parse(String s) {
      return parseEnum(Mode.class, s, "mode", "dynamic or static");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Quantize/dequantize pairs, or integer operators. */
  public enum Format {
    QDQ,
    QOPERATOR;

    /** Parses "qdq" or "qoperator" (any case); the message names the accepted values. */
    public static Format parse(String s) {
      return parseEnum(Format.class, s, "format", "qdq or qoperator");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public QuantizeOptions {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    excludeOpTypes = Set.copyOf(excludeOpTypes);
    excludeNodes = Set.copyOf(excludeNodes);
  }

  /** Dynamic, QDQ, min/max, per-tensor weights, nothing excluded, one thread. */
  public static QuantizeOptions dynamic() {
    return new QuantizeOptions(Mode.DYNAMIC, Format.QDQ, CalibrationMethod.MINMAX, 99.99, false,
        Set.of(), Set.of(), 1);
  }

  /** Static with the given calibration method; otherwise as {@link #dynamic()}. */
  public static QuantizeOptions staticWith(CalibrationMethod method) {
    return dynamic().withMode(Mode.STATIC).withMethod(method);
  }

  public QuantizeOptions withMode(Mode m) {
    return new QuantizeOptions(m, format, method, percentile, perChannel, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withFormat(Format f) {
    return new QuantizeOptions(mode, f, method, percentile, perChannel, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withMethod(CalibrationMethod m) {
    return new QuantizeOptions(mode, format, m, percentile, perChannel, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withPercentile(double p) {
    return new QuantizeOptions(mode, format, method, p, perChannel, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withPerChannel(boolean on) {
    return new QuantizeOptions(mode, format, method, percentile, on, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withExcluded(Set<String> opTypes, Set<String> nodes) {
    return new QuantizeOptions(mode, format, method, percentile, perChannel, opTypes, nodes, threads);
  }

  public QuantizeOptions withThreads(int n) {
    return new QuantizeOptions(mode, format, method, percentile, perChannel, excludeOpTypes, excludeNodes, n);
  }

  static <E extends Enum<E>> E parseEnum(Class<E> type, String s, String what, String accepted) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(s.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + s + "'; expected " + accepted);
  }
}
