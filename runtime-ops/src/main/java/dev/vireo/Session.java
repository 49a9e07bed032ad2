package dev.vireo;

import dev.vireo.exec.BufferPool;
import dev.vireo.exec.BufferStats;
import dev.vireo.exec.ExecContext;
import dev.vireo.exec.ExecutionPlan;
import dev.vireo.exec.Executor;
import dev.vireo.exec.Profile;
import dev.vireo.exec.WorkerPool;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A model ready to run: kernels resolved and constants in place. Create one with {@link
 * Vireo#load}; close it to stop its threads.
 *
 * <p>{@link #run} may be called from many threads at once: runs share only immutable state and
 * the pool of recycled buffers, where each run takes its own arena. Returned tensors belong to
 * the caller; no later run writes into them.
 */
public final class Session implements AutoCloseable {
  /** A model input or output: its name and declared (or inferred) type. */
  public record IoInfo(String name, ValueType type) {
    @Override
    public String toString() {
      return name + ": " + (type == null ? "?" : type);
    }
  }

  private final Model model;
  private final ExecutionPlan plan;
  private final ExecContext ctx;
  private final WorkerPool pool;
  private final Profile profile;
  private final BufferPool buffers;
  private final List<Value> inputValues;
  private final Map<String, Integer> inputIndex = new HashMap<>();
  private final List<IoInfo> inputs;
  private final List<IoInfo> outputs;
  private volatile boolean closed;

  Session(Model model, KernelRegistry registry, SessionOptions options) {
    this.model = model;
    this.plan = ExecutionPlan.build(model.graph(), registry, List.of());
    this.pool = options.threads() > 1 ? new WorkerPool(options.threads()) : null;
    this.profile = options.profiling() ? new Profile() : null;
    this.buffers = options.reuseBuffers() ? new BufferPool() : null;
    this.ctx = ExecContext.of(pool, profile, buffers);
    this.inputValues = List.copyOf(model.graph().inputs());
    List<IoInfo> in = new ArrayList<>();
    for (int i = 0; i < inputValues.size(); i++) {
      Value v = inputValues.get(i);
      inputIndex.put(v.name(), i);
      if (v.initializer() == null) {
        in.add(new IoInfo(v.name(), v.type()));
      }
    }
    this.inputs = Collections.unmodifiableList(in);
    this.outputs = model.graph().outputs().stream()
        .map(v -> new IoInfo(v.name(), v.type())).toList();
  }

  /** The inputs a caller must provide (initializers that are also inputs are optional and not listed). */
  public List<IoInfo> inputs() {
    return inputs;
  }

  public List<IoInfo> outputs() {
    return outputs;
  }

  public Model model() {
    return model;
  }

  /**
   * Node times per operator type over every run so far.
   *
   * @throws IllegalStateException when the session was created without {@link
   *     SessionOptions#withProfiling profiling}
   */
  public Profile profile() {
    if (profile == null) {
      throw new IllegalStateException("profiling is off: create the session with SessionOptions.withProfiling(true)");
    }
    return profile;
  }

  /**
   * How many output buffers runs so far took as new arrays and how many they reused from dead
   * values (all zeros when the session was created without {@link
   * SessionOptions#withReuseBuffers buffer reuse}).
   */
  public BufferStats bufferStats() {
    return buffers == null ? new BufferStats(0, 0, 0, 0) : buffers.stats();
  }

  /**
   * Runs the model.
   *
   * @param feeds input name to tensor: every required input, optionally overrides of initializers
   *     that are also graph inputs
   * @return output name to tensor, in the model's output order
   * @throws IllegalArgumentException for an unknown or missing input, or a tensor whose element
   *     type, rank or fixed dims differ from the declaration (naming the input, what was expected
   *     and what was given)
   * @throws dev.vireo.error.InferenceException when a kernel fails
   */
  public Map<String, Tensor> run(Map<String, Tensor> feeds) {
    Map<String, Object> out = runValues(new LinkedHashMap<>(feeds));
    Map<String, Tensor> result = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : out.entrySet()) {
      if (!(e.getValue() instanceof Tensor t)) {
        throw new IllegalStateException("output '" + e.getKey() + "' is "
            + dev.vireo.tensor.OptionalValue.describe(e.getValue()) + ", not a tensor: use runValues");
      }
      result.put(e.getKey(), t);
    }
    return result;
  }

  /**
   * Runs a model whose inputs or outputs may be sequences ({@link dev.vireo.tensor.TensorSequence})
   * or optionals ({@link dev.vireo.tensor.OptionalValue}) as well as tensors; otherwise as {@link
   * #run}.
   */
  public Map<String, Object> runValues(Map<String, ?> feeds) {
    if (closed) {
      throw new IllegalStateException("session is closed");
    }
    Object[] args = new Object[inputValues.size()];
    Map<String, Long> symbols = new HashMap<>();
    Map<String, String> symbolSource = new HashMap<>();
    for (Map.Entry<String, ?> e : feeds.entrySet()) {
      Integer idx = inputIndex.get(e.getKey());
      if (idx == null) {
        throw new IllegalArgumentException("unknown input '" + e.getKey() + "'; the model's inputs are: "
            + inputValues.stream().map(Value::name).collect(Collectors.joining(", ")));
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("input '" + e.getKey() + "' is null");
      }
      Value v = inputValues.get(idx);
      args[idx] = checkKind(v, e.getValue());
      if (e.getValue() instanceof Tensor t) {
        checkInput(v, t, symbols, symbolSource);
      }
    }
    for (int i = 0; i < args.length; i++) {
      Value v = inputValues.get(i);
      if (args[i] == null && v.initializer() == null) {
        throw new IllegalArgumentException("missing input '" + v.name() + "' ("
            + (v.type() == null ? "?" : v.type()) + ")");
      }
    }
    Object[] out = Executor.run(plan, inputValues, args, ctx);
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = 0; i < out.length; i++) {
      result.put(model.graph().outputs().get(i).name(), out[i]);
    }
    return result;
  }

  /** Checks a fed value is of the declared kind; a tensor or sequence fed to an optional input is wrapped. */
  private static Object checkKind(Value v, Object given) {
    ValueType declared = v.type();
    boolean ok = switch (declared) {
      case null -> true;
      case ValueType.TensorType t -> given instanceof Tensor;
      case ValueType.SequenceType t -> given instanceof dev.vireo.tensor.TensorSequence;
      case ValueType.OptionalType t -> true;
      case ValueType.MapType t -> false;
    };
    if (!ok) {
      throw new IllegalArgumentException("input '" + v.name() + "': expected " + declared + ", given "
          + dev.vireo.tensor.OptionalValue.describe(given));
    }
    if (declared instanceof ValueType.OptionalType && !(given instanceof dev.vireo.tensor.OptionalValue)) {
      return dev.vireo.tensor.OptionalValue.of(given);
    }
    return given;
  }

  private static void checkInput(
      Value v, Tensor t, Map<String, Long> symbols, Map<String, String> symbolSource) {
    if (!(v.type() instanceof ValueType.TensorType tt)) {
      return;
    }
    if (tt.elemType() != null && tt.elemType() != t.dtype()) {
      throw new IllegalArgumentException("input '" + v.name() + "': expected element type "
          + tt.elemType() + " (" + tt + "), given " + t.describe());
    }
    if (tt.dims() == null) {
      return;
    }
    if (tt.rank() != t.rank()) {
      throw new IllegalArgumentException("input '" + v.name() + "': expected rank " + tt.rank()
          + " (" + tt + "), given " + t.describe());
    }
    for (int d = 0; d < tt.rank(); d++) {
      Dim dim = tt.dims().get(d);
      long given = t.shape().dim(d);
      if (dim.isKnown() && dim.value() != given) {
        throw new IllegalArgumentException("input '" + v.name() + "': dim " + d + " must be "
            + dim.value() + " (" + tt + "), given " + t.describe());
      }
      if (dim.isSymbolic()) {
        Long prev = symbols.putIfAbsent(dim.symbol(), given);
        if (prev == null) {
          symbolSource.put(dim.symbol(), v.name());
        } else if (prev != given) {
          throw new IllegalArgumentException("input '" + v.name() + "': dim " + d + " '" + dim.symbol()
              + "' is " + given + " but input '" + symbolSource.get(dim.symbol()) + "' set it to " + prev
              + " (" + tt + ", given " + t.describe() + ")");
        }
      }
    }
  }

  /** Stops the session's threads and drops its recycled buffers; later runs fail. */
  @Override
  public void close() {
    closed = true;
    if (buffers != null) {
      buffers.clear();
    }
    if (pool != null) {
      pool.close();
    }
  }
}
