package dev.vireo.bench;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.File;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time to first answer: how long a whole process takes to start the JVM, load a model and return
 * its first result, for a Vireo command line and for onnxruntime (session creation and one run
 * in a fresh {@code java} process), measured alternately so both see the same machine load.
 *
 * <p>Usage:
 * <ul>
 *   <li>{@code FirstAnswer compare MODEL RUNS OUT.md VIREO_COMMAND...}: runs {@code VIREO_COMMAND}
 *       (e.g. {@code ./vireo run {model}}, where {@code {model}} stands for the model file) and
 *       the onnxruntime child RUNS times each, alternating, after one untimed run of each (which
 *       builds what a first use builds: the CLI jar, caches, onnxruntime's extracted library),
 *       and writes a Markdown section with the median and best wall times and their ratio. MODEL
 *       is a file or {@code resource:/name.onnx} in this jar;
 *   <li>{@code FirstAnswer ort MODEL}: the onnxruntime child: creates a session (all optimizations)
 *       and runs it once on zeros (symbolic dims 1), printing the two times.
 * </ul>
 */
public final class FirstAnswer {
  private FirstAnswer() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("ort")) {
      ortChild(Path.of(args[1]));
    } else if (args.length >= 5 && args[0].equals("compare")) {
      Path model = args[1].startsWith("resource:")
          ? MiniLmBenchmark.copyResource(args[1].substring("resource:".length()))
          : Path.of(args[1]);
      int runs = Integer.parseInt(args[2]);
      List<String> vireo = Arrays.stream(args, 4, args.length)
          .map(a -> a.replace("{model}", model.toString())).toList();
      Files.writeString(Path.of(args[3]), compare(model, runs, vireo));
    } else {
      System.err.println("usage: FirstAnswer compare MODEL RUNS OUT.md VIREO_COMMAND... | FirstAnswer ort MODEL");
      System.exit(2);
    }
  }

  private static String compare(Path model, int runs, List<String> vireoCommand) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = new File(FirstAnswer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    List<String> ortCommand = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", jar,
        FirstAnswer.class.getName(), "ort", model.toString());
    wallSeconds(vireoCommand);
    wallSeconds(ortCommand);
    double[] vireo = new double[runs];
    double[] ort = new double[runs];
    for (int i = 0; i < runs; i++) {
      vireo[i] = wallSeconds(vireoCommand);
      ort[i] = wallSeconds(ortCommand);
      System.err.printf(Locale.ROOT, "first answer %d/%d: vireo %.2f s, onnxruntime %.2f s%n", i + 1, runs, vireo[i], ort[i]);
    }
    return render(model.getFileName().toString(), String.join(" ", vireoCommand), vireo, ort);
  }

  /** Runs a command to completion, its output discarded, and returns the wall time in seconds. */
  private static double wallSeconds(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    int code = pb.start().waitFor();
    double s = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      throw new IllegalStateException("'" + String.join(" ", command) + "' exited with " + code);
    }
    return s;
  }

  /** The Markdown section: median and best of each side and the ratio of the medians. */
  static String render(String model, String vireoCommand, double[] vireo, double[] ort) {
    double vm = median(vireo);
    double om = median(ort);
    StringBuilder b = new StringBuilder();
    b.append("## Time to first answer\n\n");
    b.append(String.format(Locale.ROOT, "Whole process (JVM start, load, first inference) on %s, %d runs each, "
        + "alternating. Vireo: `%s`; onnxruntime: a fresh `java` process creating a session (all "
        + "optimizations) and running it once.%n%n", model, vireo.length, vireoCommand));
    b.append("| runtime | median s | best s |\n|---|---:|---:|\n");
    b.append(String.format(Locale.ROOT, "| vireo | %.2f | %.2f |%n", vm, Arrays.stream(vireo).min().orElse(0)));
    b.append(String.format(Locale.ROOT, "| onnxruntime | %.2f | %.2f |%n", om, Arrays.stream(ort).min().orElse(0)));
    b.append(String.format(Locale.ROOT, "%nvireo / onnxruntime (medians): %.2f×%n", vm / om));
    return b.toString();
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static void ortChild(Path model) throws Exception {
    long t0 = System.nanoTime();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
      opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      try (OrtSession session = env.createSession(model.toString(), opts)) {
        long t1 = System.nanoTime();
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
          feeds.put(e.getKey(), zeros(env, e.getKey(), (TensorInfo) e.getValue().getInfo()));
        }
        try (OrtSession.Result r = session.run(feeds)) {
          long t2 = System.nanoTime();
          System.out.printf(Locale.ROOT, "session %.1f ms, first run %.1f ms, %d outputs%n",
              (t1 - t0) / 1e6, (t2 - t1) / 1e6, r.size());
        }
        for (OnnxTensor t : feeds.values()) {
          t.close();
        }
      }
    }
  }

  private static OnnxTensor zeros(OrtEnvironment env, String name, TensorInfo info) throws Exception {
    long[] shape = info.getShape().clone();
    int n = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = shape[i] < 0 ? 1 : shape[i];
      n *= (int) shape[i];
    }
    if (info.type == OnnxJavaType.FLOAT) {
      return OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[n]), shape);
    }
    if (info.type == OnnxJavaType.INT64) {
      return OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n]), shape);
    }
    throw new IllegalArgumentException("input '" + name + "': only f32 and i64 inputs are supported, got " + info.type);
  }
}
