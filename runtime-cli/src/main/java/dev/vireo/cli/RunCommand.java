package dev.vireo.cli;

import dev.vireo.Session;
import dev.vireo.ir.Model;
import dev.vireo.tensor.Npy;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vireo run MODEL}: runs a model once on given or made-up inputs and shows (and optionally
 * saves) its outputs.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VireoCli.Version.class,
    description = "Run a model once and print its outputs.")
final class RunCommand extends VireoCommand {
  /** How many values of each output are printed. */
  static final int SHOWN_VALUES = 10;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The .onnx file.")
  Path modelFile;

  @Option(names = {"-i", "--input"}, paramLabel = "NAME=FILE",
      description = "An input from a .npy file or a serialized TensorProto (.pb). Repeatable; "
          + "inputs not given are filled with random data.")
  Map<String, Path> inputFiles = new LinkedHashMap<>();

  @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTDIR",
      description = "Write each output to OUTDIR/<name>.npy.")
  Path outDir;

  @Option(names = "--threads", paramLabel = "N", description = "Threads per run (default: all processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--dim", paramLabel = "SYMBOL=VALUE",
      description = "The size of a symbolic dimension for random inputs (default 1). Repeatable.")
  Map<String, Long> dims = new LinkedHashMap<>();

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the random inputs (default ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--simd", description = "Use the SIMD (Vector API) kernels. Off by default: for one "
      + "run, the scalar kernels answer sooner, since SIMD code runs slowly until the JIT has compiled it.")
  boolean simd;

  @Override
  int execute() throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    if (VireoCli.standalone) {
      chooseKernels(simd);
    }
    Inputs.checkDims(dims);
    Model model = Models.load(modelFile);
    Map<String, Object> feeds = Inputs.readAll(model, inputFiles);
    try (Session session = Models.session(model, threads)) {
      Inputs.fillRandom(session, feeds, dims, seed, err());
      long t0 = System.nanoTime();
      Map<String, Object> outputs = Models.run(session, feeds);
      double ms = (System.nanoTime() - t0) / 1e6;
      Map<String, Path> files = outDir == null ? Map.of() : outputFiles(outputs.keySet());
      PrintWriter out = out();
      for (Map.Entry<String, Object> e : outputs.entrySet()) {
        print(out, e.getKey(), e.getValue(), files.get(e.getKey()));
      }
      out.println(String.format(Locale.ROOT, "run time: %.2f ms", ms));
    }
    return VireoCli.OK;
  }

  /**
   * Picks scalar kernels for this JVM unless {@code simd} or the user set {@code vireo.vector}
   * (read once, when the first kernel family loads, so this must run before the model is planned).
   * One inference finishes long before the JIT has compiled the Vector API code, which is about a
   * thousand times slower until then, while the scalar loops compile within milliseconds.
   */
  static void chooseKernels(boolean simd) {
    if (!simd && System.getProperty("vireo.vector") == null) {
      System.setProperty("vireo.vector", "false");
    }
  }

  /**
   * Prints one output and writes it when {@code file} is given: a tensor to the file, the
   * elements of a sequence to {@code <file stem>_<i>.npy}, an optional's value if present.
   */
  private static void print(PrintWriter out, String name, Object value, Path file) {
    Object v = value instanceof OptionalValue o ? o.value() : value;
    String label = value instanceof OptionalValue ? "optional " : "";
    if (v == null) {
      out.println(name + ": " + (value == null ? "(absent)" : "optional(empty)"));
    } else if (v instanceof Tensor t) {
      out.println(name + ": " + label + t.describe() + " " + firstValues(t));
      if (file != null) {
        Npy.write(t, file);
        out.println("  written to " + file);
      }
    } else if (v instanceof TensorSequence seq) {
      out.println(name + ": " + label + seq);
      for (int i = 0; i < seq.size(); i++) {
        Tensor t = seq.get(i);
        out.println("  [" + i + "] " + t.describe() + " " + firstValues(t));
        if (file != null) {
          String stem = file.getFileName().toString().replaceFirst("\\.npy$", "");
          Path f = file.resolveSibling(stem + "_" + i + ".npy");
          Npy.write(t, f);
          out.println("  written to " + f);
        }
      }
    }
  }

  /** OUTDIR/<name>.npy per output, names made safe for any file system and unique. */
  private Map<String, Path> outputFiles(Set<String> names) throws IOException {
    Files.createDirectories(outDir);
    Map<String, Path> files = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (String name : names) {
      String base = fileName(name);
      String candidate = base;
      for (int k = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); k++) {
        candidate = base + "_" + k;
      }
      files.put(name, outDir.resolve(candidate + ".npy"));
    }
    return files;
  }

  /** The output name with every character outside {@code [A-Za-z0-9._-]} replaced by '_'. */
  static String fileName(String outputName) {
    String s = outputName.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" + s : s;
  }

  /** E.g. {@code [0.5, 1.25, ...]} with up to {@link #SHOWN_VALUES} values. */
  static String firstValues(Tensor t) {
    StringBuilder b = new StringBuilder("[");
    int n = Math.min(t.size(), SHOWN_VALUES);
    for (int i = 0; i < n; i++) {
      b.append(i > 0 ? ", " : "").append(t.formatElement(i));
    }
    if (t.size() > n) {
      b.append(", ...");
    }
    return b.append(']').toString();
  }
}
