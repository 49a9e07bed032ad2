package dev.vireo.cli;

import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.quantize.QuantizeOptions;
import dev.vireo.quantize.Quantizer;
import dev.vireo.quantize.calibrate.CalibrationMethod;
import dev.vireo.quantize.calibrate.CalibrationSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vireo quantize MODEL -o OUT}: writes an int8 version of a float model (standard ONNX
 * operators only, so it also runs in onnxruntime) and reports its accuracy and size.
 */
@Command(name = "quantize", mixinStandardHelpOptions = true, versionProvider = VireoCli.Version.class,
    description = {
      "Quantize a float model to int8.",
      "dynamic: MatMul/Gemm weights to int8 (per output channel unless --no-per-channel), "
          + "activations quantized at run time with one scale per row (per token) or, with "
          + "--activations per-tensor, one DynamicQuantizeLinear range per tensor; then MatMulInteger.",
      "static: weights and activations to int8 with ranges calibrated on sample inputs, after "
          + "folding BatchNormalization into Conv; "
          + "--calibration DIR holds one subfolder per sample with one <input>.npy per model input "
          + "(" + CalibrationSet.LAYOUT + ").",
      "The accuracy report compares the quantized and the float model (both run in Vireo) on the "
          + "calibration samples: cosine similarity and max abs error per output, top-1 agreement for "
          + "outputs of rank 2 (classifier logits), and the sizes.",
      "static with --accuracy-target T: the nodes whose quantization costs most are left in float, "
          + "a group at a time, until the agreement on the calibration samples (top-1 agreement for "
          + "rank-2 outputs, cosine for others, the worst output counts) is at least T."
    })
final class QuantizeCommand extends VireoCommand {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The float .onnx file.")
  Path modelFile;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.onnx", required = true,
      description = "Where the quantized model is written.")
  Path outFile;

  @Option(names = "--mode", paramLabel = "dynamic|static", required = true,
      description = "dynamic or static quantization.")
  String mode;

  @Option(names = "--calibration", paramLabel = "DIR",
      description = "Calibration samples: DIR/<sample>/<input>.npy. Required for static; "
          + "with dynamic, used for the accuracy report only.")
  Path calibration;

  @Option(names = "--method", paramLabel = "minmax|percentile|entropy",
      description = "How static ranges are chosen (default ${DEFAULT-VALUE}).")
  String method = "minmax";

  @Option(names = "--percentile", paramLabel = "P",
      description = "The percentile of |x| kept by --method percentile (default ${DEFAULT-VALUE}).")
  double percentile = 99.99;

  @Option(names = "--per-channel", negatable = true,
      description = "One weight scale per output channel, depthwise Conv included (default: on).")
  Boolean perChannel;

  @Option(names = "--activations", paramLabel = "per-row|per-tensor",
      description = "dynamic: one activation scale per row (per token) or one range per tensor "
          + "(DynamicQuantizeLinear) (default ${DEFAULT-VALUE}).")
  String activations = "per-row";

  @Option(names = "--format", paramLabel = "qdq|qoperator",
      description = "QuantizeLinear/DequantizeLinear around float ops, or integer ops "
          + "(QLinearConv, QLinearMatMul) where the standard has one (default ${DEFAULT-VALUE}).")
  String format = "qdq";

  @Option(names = "--exclude-op-types", paramLabel = "A,B", split = ",",
      description = "Op types left in float.")
  List<String> excludeOpTypes = List.of();

  @Option(names = "--exclude-nodes", paramLabel = "N1,N2", split = ",",
      description = "Node names left in float.")
  List<String> excludeNodes = List.of();

  @Option(names = "--accuracy-target", paramLabel = "T",
      description = "static: the agreement in (0, 1] to keep with the float model on the calibration "
          + "samples by leaving the most sensitive nodes in float (default: off).")
  double accuracyTarget;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads of the calibration and report runs (default: all processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  int execute() {
    QuantizeOptions.Mode m = QuantizeOptions.Mode.parse(mode);
    QuantizeOptions options = new QuantizeOptions(m, QuantizeOptions.Format.parse(format),
        CalibrationMethod.parse(method), percentile,
        perChannel == null || perChannel,
        QuantizeOptions.Activations.parse(activations), Set.copyOf(excludeOpTypes), Set.copyOf(excludeNodes), threads,
        accuracyTarget);
    if (accuracyTarget > 0 && options.mode() != QuantizeOptions.Mode.STATIC) {
      throw new IllegalArgumentException("--accuracy-target needs --mode static");
    }
    if (options.mode() == QuantizeOptions.Mode.STATIC && calibration == null) {
      throw new IllegalArgumentException("--mode static needs --calibration DIR (" + CalibrationSet.LAYOUT + ")");
    }
    if (outFile.toAbsolutePath().normalize().equals(modelFile.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("-o " + outFile + " would overwrite the input model");
    }
    Path parent = outFile.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("-o " + outFile + ": folder " + parent + " does not exist");
    }
    Model model = Models.load(modelFile);
    CalibrationSet samples = null;
    if (calibration != null) {
      Set<String> inputs = new LinkedHashSet<>();
      model.graph().requiredInputs().stream().map(Value::name).forEach(inputs::add);
      samples = CalibrationSet.open(calibration, List.copyOf(inputs));
    }
    Quantizer.Result r = new Quantizer(options, err()).quantizeAndReport(model, samples);
    OnnxWriter.write(r.model(), outFile);
    out().println("quantized " + r.quantizedNodes() + " nodes (" + options.describe() + ") -> " + outFile);
    if (accuracyTarget > 0) {
      out().println(r.floatNodes().isEmpty() ? "no node left in float"
          : "left in float (" + r.floatNodes().size() + "): " + String.join(", ", r.floatNodes()));
    }
    out().print(r.report().format());
    return VireoCli.OK;
  }
}
