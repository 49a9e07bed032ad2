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
 * @param accuracyTarget static mode only: 0 for off, otherwise the agreement in (0, 1] that the
 *     quantized model must keep with the float model on the calibration samples, by the measure
 *     of {@link AccuracyTuner#agreement}: the lowest, over the float outputs, of the top-1
 *     agreement (outputs of rank 2 with more than one column: one row per example, classifier
 *     logits or probabilities) or the cosine similarity (every other output). When the fully
 *     quantized model falls short, the most sensitive nodes are left in float one group at a time
 *     until it does ({@link AccuracyTuner}). Off by default: the search costs one quantization and
 *     calibration-set run per candidate node and per step, and a silent float fallback would make
 *     the size and speed of the output depend on the calibration data; {@code vireo quantize}
 *     always reports the agreement, so a user sees when to ask for it.
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
    int threads,
    double accuracyTarget) {

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
    if (!(accuracyTarget >= 0 && accuracyTarget <= 1)) {
      throw new IllegalArgumentException("accuracy target must be in [0, 1] (0 for off), got " + accuracyTarget);
    }
    excludeOpTypes = Set.copyOf(excludeOpTypes);
    excludeNodes = Set.copyOf(excludeNodes);
  }

  /** The options without an accuracy target (off). */
  public QuantizeOptions(Mode mode, Format format, CalibrationMethod method, double percentile, boolean perChannel,
      Activations activations, Set<String> excludeOpTypes, Set<String> excludeNodes, int threads) {
    this(mode, format, method, percentile, perChannel, activations, excludeOpTypes, excludeNodes, threads, 0);
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
          + ", " + weights + (accuracyTarget > 0 ? ", accuracy target " + accuracyTarget : "");
    }
    return "dynamic, " + weights + ", activations " + (activations == Activations.PER_ROW
        ? "per row (symmetric, one scale per token)" : "per tensor (DynamicQuantizeLinear)");
  }

  public QuantizeOptions withMode(Mode m) {
    return new QuantizeOptions(m, format, method, percentile, perChannel, activations, excludeOpTypes, excludeNodes, threads, accuracyTarget);
  }

  public QuantizeOptions withFormat(Format f) {
    return new QuantizeOptions(mode, f, method, percentile, perChannel, activations, excludeOpTypes, excludeNodes, threads, accuracyTarget);
  }

  public QuantizeOptions withMethod(CalibrationMethod m) {
    return new QuantizeOptions(mode, format, m, percentile, perChannel, activations, excludeOpTypes, excludeNodes, threads, accuracyTarget);
  }

  public QuantizeOptions withPercentile(double p) {
    return new QuantizeOptions(mode, format, method, p, perChannel, activations, excludeOpTypes, excludeNodes, threads, accuracyTarget);
  }

  public QuantizeOptions withPerChannel(boolean on) {
    return new QuantizeOptions(mode, format, method, percentile, on, activations, excludeOpTypes, excludeNodes, threads, accuracyTarget);
  }

  public QuantizeOptions withActivations(Activations a) {
    return new QuantizeOptions(mode, format, method, percentile, perChannel, a, excludeOpTypes, excludeNodes, threads, accuracyTarget);
  }

  public QuantizeOptions withExcluded(Set<String> opTypes, Set<String> nodes) {
    return new QuantizeOptions(mode, format, method, percentile, perChannel, activations, opTypes, nodes, threads, accuracyTarget);
  }

  public QuantizeOptions withThreads(int n) {
    return new QuantizeOptions(mode, format, method, percentile, perChannel, activations, excludeOpTypes, excludeNodes, n, accuracyTarget);
  }

  /** Sets the accuracy target of static mode, 0 for off (see the record's Javadoc). */
  public QuantizeOptions withAccuracyTarget(double target) {
    return new QuantizeOptions(mode, format, method, percentile, perChannel, activations, excludeOpTypes, excludeNodes,
        threads, target);
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
