package dev.vireo.cli;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.ir.Model;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.Optimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vireo optimize MODEL -o OUT.onnx [--level L] [--portable]}: rewrites a model with Vireo's
 * graph optimizer, writes the result as ONNX and prints what was done (passes, node counts, the
 * operator histogram before and after). With {@code --portable} only standard ONNX ops are
 * produced, so any ONNX runtime can load the result; otherwise fused ops use onnxruntime's
 * com.microsoft contrib ops.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true, versionProvider = VireoCli.Version.class,
    description = "Optimize a model's graph and write it as ONNX.")
final class OptimizeCommand extends VireoCommand {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .onnx file.")
  Path modelFile;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.onnx",
      description = "Where to write the optimized model.")
  Path output;

  @Option(names = "--level", defaultValue = "all", paramLabel = "LEVEL",
      description = "none, basic (standard ONNX rewrites), extended (contrib fusions) or all "
          + "(default: ${DEFAULT-VALUE}).")
  String level;

  @Option(names = "--portable",
      description = "Produce only standard ONNX ops (no com.microsoft fusions).")
  boolean portable;

  @Override
  int execute() {
    OptimizationLevel l = OptimizationLevel.parse(level);
    if (output.toAbsolutePath().normalize().equals(modelFile.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("output " + output + " is the input model; write to another file");
    }
    Path dir = output.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("cannot write " + output + ": folder " + dir + " does not exist");
    }
    Model model = Models.load(modelFile);
    Optimizer.Result r;
    try {
      ShapeInference.run(model.graph(), StandardOps.registry());
      r = Optimizer.standard().optimize(model, l, portable, StandardKernels.registry());
    } catch (ModelLoadException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new ModelLoadException(Phase.OPTIMIZE, modelFile + ": " + Failures.message(e), e);
    }
    OnnxWriter.write(r.model(), output);
    out().print(r.report().format());
    out().println("wrote " + output + (portable ? " (standard ONNX ops only)" : ""));
    return VireoCli.OK;
  }
}
