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
 * @param activations how dynamic mode quantizes the activations read by MatMul and Gemm: one
 *     range per tensor (DynamicQuantizeLinear) or one scale per row (per token); unused in static
 *     mode
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
    Activations activations,
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

  /** Granularity of the run-time activation quantization of dynamic mode. */
  public enum Activations {
    /** DynamicQuantizeLinear: one asymmetric uint8 range for the whole tensor (onnxruntime's choice). */
    PER_TENSOR,
    /** One symmetric scale per row (per token), see {@code PerRowActivations}. */
    PER_ROW;

    /** Parses "per-tensor" or "per-row" (any case); the message names the accepted values. */
    public static Activations parse(String s) {
      return parseEnum(Activations.class, s.replace('-', '_'), "activations", "per-tensor or per-row");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
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

  /**
   * Dynamic, per-channel weights, per-row activations, nothing excluded, one thread: the choice
   * that keeps transformer encoders closest to the float model (on all-MiniLM-L6-v2, worst pooled
   * cosine over eight sentences and three random rows 0.9948, where per-tensor activations give
   * 0.9878 and per-tensor weights 0.928).
   */
  public static QuantizeOptions dynamic() {
    return new QuantizeOptions(Mode.DYNAMIC, Format.QDQ, CalibrationMethod.MINMAX, 99.99, true,
        Activations.PER_ROW, Set.of(), Set.of(), 1);
  }

  /**
   * Static, QDQ, the given calibration method, per-channel weights, nothing excluded, one thread.
   * Per-channel weights matter most where BatchNormalization was folded into the Conv: the folded
   * channels' ranges differ by the BN scale, and a depthwise channel has only 9 weights; on the
   * MobileNetV2-shaped test model per-tensor weights alone flip the top-1 class of 20 of 256
   * inputs, per-channel weights 11 (see CnnStaticQuantizationTest).
   */
  public static QuantizeOptions staticWith(CalibrationMethod method) {
    return dynamic().withMode(Mode.STATIC).withMethod(method).withPerChannel(true);
  }

  /** One line naming the choices that matter for this mode, for reports. */
  public String describe() {
    String weights = perChannel ? "int8 weights per output channel" : "int8 weights per tensor";
    if (mode == Mode.STATIC) {
      return "static, " + format + ", " + method + (method == CalibrationMethod.PERCENTILE ? " " + percentile : "")
          + ", " + weights;
    }
    return "dynamic, " + weights + ", activations " + (activations == Activations.PER_ROW
        ? "per row (symmetric, one scale per token)" : "per tensor (DynamicQuantizeLinear)");
  }

  public QuantizeOptions withMode(Mode m) {
    return new QuantizeOptions(m, format, method, percentile, perChannel, activations, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withFormat(Format f) {
    return new QuantizeOptions(mode, f, method, percentile, perChannel, activations, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withMethod(CalibrationMethod m) {
    return new QuantizeOptions(mode, format, m, percentile, perChannel, activations, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withPercentile(double p) {
    return new QuantizeOptions(mode, format, method, p, perChannel, activations, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withPerChannel(boolean on) {
    return new QuantizeOptions(mode, format, method, percentile, on, activations, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withActivations(Activations a) {
    return new QuantizeOptions(mode, format, method, percentile, perChannel, a, excludeOpTypes, excludeNodes, threads);
  }

  public QuantizeOptions withExcluded(Set<String> opTypes, Set<String> nodes) {
    return new QuantizeOptions(mode, format, method, percentile, perChannel, activations, opTypes, nodes, threads);
  }

  public QuantizeOptions withThreads(int n) {
    return new QuantizeOptions(mode, format, method, percentile, perChannel, activations, excludeOpTypes, excludeNodes, n);
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
