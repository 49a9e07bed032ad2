package dev.vireo.quantize;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.GraphChecker;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.Optimizer;
import dev.vireo.optimize.fusion.ConvBatchNormFusion;
import dev.vireo.optimize.fusion.ConvScaleBiasFusion;
import dev.vireo.optimize.qdq.QLinearConvFusion;
import dev.vireo.optimize.qdq.QLinearMatMulFusion;
import dev.vireo.optimize.qdq.QdqClampElimination;
import dev.vireo.quantize.calibrate.CalibrationSet;
import dev.vireo.quantize.calibrate.Calibrator;
import dev.vireo.quantize.calibrate.Range;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Quantizes a float model to int8 ({@link QuantizeOptions} says how) and measures what that
 * costs in accuracy. The result uses standard ONNX operators only, so it runs in Vireo and in
 * onnxruntime alike.
 *
 * <pre>{@code
 * Quantizer q = new Quantizer(QuantizeOptions.staticWith(CalibrationMethod.ENTROPY), System.err);
 * Quantizer.Result r = q.quantizeAndReport(model, CalibrationSet.open(dir, inputs));
 * OnnxWriter.write(r.model(), out);
 * }</pre>
 */
public final class Quantizer {
  /**
   * The quantized model, how many nodes were quantized, the accuracy report, and the nodes that
   * {@link QuantizeOptions#accuracyTarget()} left in float (empty without a target).
   */
  public record Result(Model model, int quantizedNodes, AccuracyReport report, List<String> floatNodes) {
    public Result {
      floatNodes = List.copyOf(floatNodes);
    }

    public Result(Model model, int quantizedNodes, AccuracyReport report) {
      this(model, quantizedNodes, report, List.of());
    }
  }

  private final QuantizeOptions options;
  private final PrintWriter progress;

  /** @param progress where progress bars are drawn (stderr in the CLI); null for none */
  public Quantizer(QuantizeOptions options, PrintWriter progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * Quantizes a copy of {@code floatModel} (which is not modified) and returns it with the
   * number of quantized nodes.
   *
   * @param calibration required in static mode; unused in dynamic mode
   * @throws IllegalArgumentException when static mode lacks calibration data, the opset is too
   *     old, or nothing in the model can be quantized
   */
  public Result quantize(Model floatModel, CalibrationSet calibration) {
    Model m = ModelCopy.of(floatModel);
    ShapeInference.run(m.graph(), StandardOps.registry());
    int count;
    List<String> floatNodes = List.of();
    if (options.mode() == QuantizeOptions.Mode.DYNAMIC) {
      count = new DynamicQuantizer(options).apply(m);
    } else {
      if (calibration == null) {
        throw new IllegalArgumentException("static quantization needs calibration data");
      }
      m = foldForStatic(m);
      StaticQuantizer sq = new StaticQuantizer(m, options);
      boolean tuned = options.accuracyTarget() > 0;
      List<String> names = (tuned ? sq.activationsUnderExclusions() : sq.activations()).stream()
          .map(Value::name).toList();
      Map<String, Range> ranges = new Calibrator(options.method(), options.percentile(), options.threads(),
          progress).calibrate(m, names, calibration);
      if (tuned) {
        AccuracyTuner.Outcome o = new AccuracyTuner(m, options, ranges, calibration, progress).tune();
        m = o.model();
        count = o.quantizedNodes();
        floatNodes = o.floatNodes();
      } else {
        count = sq.apply(ranges);
      }
    }
    if (count == 0 && options.accuracyTarget() > 0 && options.mode() == QuantizeOptions.Mode.STATIC) {
      throw new IllegalArgumentException("accuracy target " + options.accuracyTarget()
          + " is met only with every quantizable node in float: nothing left to quantize");
    }
    if (count == 0) {
      throw new IllegalArgumentException("nothing to quantize: no " + (options.mode() == QuantizeOptions.Mode.DYNAMIC
          ? "MatMul, Gemm or Gather with a constant float weight" : "supported float op") + " outside the exclusions");
    }
    GraphChecker.check(m.graph());
    ShapeInference.run(m.graph(), StandardOps.registry());
    if (options.format() == QuantizeOptions.Format.QOPERATOR) {
      m = new Optimizer(List.of(new QLinearConvFusion(), new QLinearMatMulFusion(), new QdqClampElimination()))
          .optimize(m, OptimizationLevel.EXTENDED, true, StandardKernels.registry()).model();
    }
    return new Result(m, count, null, floatNodes);
  }

  /**
   * The float rewrites that must precede static quantization, all standard ONNX: a
   * BatchNormalization (or a per-channel Mul/Add) after a Conv is folded into the Conv's weights
   * and bias, so that the Conv is quantized with the folded weights and no float
   * BatchNormalization is left between quantized tensors. (A Relu after a Conv is handled by
   * {@link StaticQuantizer}, which quantizes only the Relu's output.)
   */
  private static Model foldForStatic(Model m) {
    Model folded = new Optimizer(List.of(new ConvBatchNormFusion(), new ConvScaleBiasFusion()))
        .optimize(m, OptimizationLevel.BASIC, true, StandardKernels.registry()).model();
    ShapeInference.run(folded.graph(), StandardOps.registry());
    return folded;
  }

  /**
   * {@link #quantize} followed by an accuracy report: both models run in Vireo on every sample of
   * {@code samples} (when given; otherwise the report has sizes only).
   */
  public Result quantizeAndReport(Model floatModel, CalibrationSet samples) {
    Result r = quantize(floatModel, samples);
    long before = ModelCopy.serializedSize(floatModel);
    long after = ModelCopy.serializedSize(r.model());
    if (samples == null) {
      return new Result(r.model(), r.quantizedNodes(), new AccuracyReport(Map.of(), before, after),
          r.floatNodes());
    }
    SessionOptions so = SessionOptions.defaults().withThreads(options.threads());
    try (Session f = Vireo.create(ModelCopy.of(floatModel), so);
        Session q = Vireo.create(ModelCopy.of(r.model()), so)) {
      AccuracyReport report = AccuracyReport.measure(f, q, samples, before, after,
          new Progress(progress, "comparing  ", samples.size()));
      return new Result(r.model(), r.quantizedNodes(), report, r.floatNodes());
    }
  }
}
