package dev.vireo.check;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.error.VireoException;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.load.OnnxLoader;
import dev.vireo.onnx.load.TensorFiles;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs test cases in the ONNX backend-test layout: a directory with {@code model.onnx} and
 * {@code test_data_set_N/} folders holding {@code input_K.pb} and {@code output_K.pb}, where K is
 * the position of the graph input or output in declaration order (cases may give fewer inputs
 * than the graph declares: the rest have initializers).
 *
 * <p>Each case runs on its own daemon worker thread, waited for with a time limit, so that a
 * case that never ends is reported and abandoned without keeping the JVM alive. Every failure to
 * load or run, including {@link StackOverflowError} and {@link OutOfMemoryError}, becomes an
 * {@code error} result with a one-line reason; nothing is thrown.
 */
public final class CaseRunner {
  /** The time limit per case when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** The file that marks a directory as a case. */
  public static final String MODEL_FILE = "model.onnx";

  private static final long WORKER_STACK = 64L << 20;
  private static final String DATA_SET = "test_data_set_";

  private final Comparison comparison;
  private final Duration timeout;
  private final SessionOptions options;

  public CaseRunner(Comparison comparison, Duration timeout, SessionOptions options) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive, got " + timeout);
    }
    this.comparison = comparison;
    this.timeout = timeout;
    this.options = options;
  }

  /** Default tolerances and time limit, one thread per session. */
  public static CaseRunner defaults() {
    return new CaseRunner(Comparison.defaults(), DEFAULT_TIMEOUT, SessionOptions.defaults().withThreads(1));
  }

  /**
   * Runs every data set of a case on a worker thread within the time limit.
   *
   * @param name how the result names the case
   */
  public CaseResult run(Path caseDir, String name) {
    FutureTask<CaseResult> task = new FutureTask<>(() -> runHere(caseDir, name));
    Thread worker = new Thread(null, task, "vireo-case " + name, WORKER_STACK);
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      worker.interrupt();
      return CaseResult.error(name, "timed out after " + seconds(timeout) + " s");
    } catch (ExecutionException e) {
      return CaseResult.error(name, reason(e.getCause()));
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      return CaseResult.error(name, "interrupted");
    }
  }

  /** Runs a case in the calling thread, without a time limit; never throws. */
  public CaseResult runHere(Path caseDir, String name) {
    try {
      return runCase(caseDir, name);
    } catch (Throwable t) { // every failure of a case is its result: the runner goes on
      return CaseResult.error(name, reason(t));
    }
  }

  private CaseResult runCase(Path caseDir, String name) throws IOException {
    Path modelFile = caseDir.resolve(MODEL_FILE);
    if (!Files.isRegularFile(modelFile)) {
      return CaseResult.error(name, "no " + MODEL_FILE + " in " + caseDir);
    }
    List<Path> dataSets = dataSets(caseDir);
    if (dataSets.isEmpty()) {
      return CaseResult.error(name, "no " + DATA_SET + "N folder in " + caseDir);
    }
    Model model = OnnxLoader.load(modelFile);
    List<Value> inputs = model.graph().inputs();
    List<Value> outputs = model.graph().outputs();
    try (Session session = Vireo.create(model, options)) {
      for (Path dataSet : dataSets) {
        String prefix = dataSets.size() > 1 ? dataSet.getFileName() + ": " : "";
        Map<String, Object> feeds = new LinkedHashMap<>();
        for (int k = 0; Files.exists(dataSet.resolve("input_" + k + ".pb")); k++) {
          if (k >= inputs.size()) {
            return CaseResult.error(name, prefix + "input_" + k + ".pb has no graph input: the model declares "
                + inputs.size());
          }
          Value in = inputs.get(k);
          feeds.put(in.name(), readValue(dataSet.resolve("input_" + k + ".pb"), in.type()));
        }
        Map<String, Object> actual = session.runValues(feeds);
        for (int k = 0; Files.exists(dataSet.resolve("output_" + k + ".pb")); k++) {
          if (k >= outputs.size()) {
            return CaseResult.error(name, prefix + "output_" + k + ".pb has no graph output: the model declares "
                + outputs.size());
          }
          Value out = outputs.get(k);
          Object expected = readValue(dataSet.resolve("output_" + k + ".pb"), out.type());
          String mismatch = comparison.compareValue(out.name(), expected, actual.get(out.name()));
          if (mismatch != null) {
            return CaseResult.fail(name, prefix + mismatch);
          }
        }
      }
    }
    return CaseResult.pass(name);
  }

  /**
   * Reads a .pb file as the value kind the model declares: a TensorProto, a SequenceProto of
   * tensors or an OptionalProto (of a tensor or a sequence).
   *
   * @return a {@link Tensor}, {@link TensorSequence} or {@link OptionalValue}
   * @throws dev.vireo.error.ModelLoadException naming the file when it is malformed
   * @throws IllegalArgumentException for map values, which Vireo does not support
   */
  public static Object readValue(Path file, ValueType declared) {
    return switch (declared) {
      case null -> TensorFiles.read(file);
      case ValueType.TensorType t -> TensorFiles.read(file);
      case ValueType.SequenceType s -> sequence(TensorFiles.readSequence(file), s, file);
      case ValueType.OptionalType o when o.elemType() instanceof ValueType.SequenceType s -> {
        List<Tensor> l = TensorFiles.readOptionalSequence(file);
        yield l == null ? OptionalValue.empty() : OptionalValue.of(sequence(l, s, file));
      }
      case ValueType.OptionalType o -> {
        Tensor t = TensorFiles.readOptional(file);
        yield t == null ? OptionalValue.empty() : OptionalValue.of(t);
      }
      case ValueType.MapType m ->
          throw new IllegalArgumentException("map values are not supported (" + file.getFileName() + " is " + m + ")");
    };
  }

  private static TensorSequence sequence(List<Tensor> tensors, ValueType.SequenceType type, Path file) {
    DType elem = type.elemType() instanceof ValueType.TensorType t ? t.elemType() : null;
    if (elem == null && !tensors.isEmpty()) {
      elem = tensors.get(0).dtype();
    }
    if (elem == null) {
      throw new IllegalArgumentException(file.getFileName() + ": an empty sequence of undeclared element type");
    }
    return new TensorSequence(elem, tensors);
  }

  /** The case's data-set folders in numeric order. */
  static List<Path> dataSets(Path caseDir) throws IOException {
    try (Stream<Path> s = Files.list(caseDir)) {
      return s.filter(p -> Files.isDirectory(p) && dataSetNumber(p) >= 0)
          .sorted(Comparator.comparingInt(CaseRunner::dataSetNumber))
          .toList();
    }
  }

  private static int dataSetNumber(Path p) {
    String n = p.getFileName().toString();
    if (!n.startsWith(DATA_SET)) {
      return -1;
    }
    try {
      return Integer.parseInt(n.substring(DATA_SET.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The cases at or under a directory: the directory itself when it holds {@code model.onnx},
   * else every folder below it that does, sorted by path.
   *
   * @throws IllegalArgumentException when the directory does not exist
   */
  public static List<Path> findCases(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no such directory: " + dir);
    }
    if (Files.isRegularFile(dir.resolve(MODEL_FILE))) {
      return List.of(dir);
    }
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(MODEL_FILE)
              && Files.isRegularFile(p))
          .map(Path::getParent)
          .forEach(cases::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    cases.sort(Comparator.comparing(Path::toString));
    return cases;
  }

  /** A one-line reason for a failure. */
  public static String reason(Throwable t) {
    if (t instanceof StackOverflowError) {
      return "stack overflow";
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory" + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
    String msg = t.getMessage();
    if (t instanceof VireoException || (t instanceof IllegalArgumentException && msg != null)) {
      return CaseResult.oneLine(msg);
    }
    return CaseResult.oneLine(t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg));
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
  }
}
