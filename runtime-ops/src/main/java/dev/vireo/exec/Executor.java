package dev.vireo.exec;

import dev.vireo.error.InferenceException;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * Runs an {@link ExecutionPlan}: node by node in plan order, releasing dead values as it goes.
 * Values are {@link Tensor}s, or sequences and optionals for the kernels that take them ({@link
 * ValueKernel}).
 */
public final class Executor {
  private Executor() {}

  /**
   * Runs the plan.
   *
   * @param inputValues the values fed: outer-scope values of a subgraph and graph inputs
   * @param inputs one runtime value per entry of {@code inputValues}; a null entry leaves the
   *     slot's constant (an overridable initializer) in place
   * @return the graph's outputs, in graph output order
   * @throws InferenceException naming the node whose kernel failed
   */
  public static Object[] run(ExecutionPlan plan, List<Value> inputValues, Object[] inputs, ExecContext ctx) {
    if (ctx.arena() != null || ctx.buffers() == null) {
      return run(plan, inputValues, inputs, ctx, ctx.arena());
    }
    BufferArena arena = ctx.buffers().acquire(ctx);
    try {
      return run(plan, inputValues, inputs, arena.context(), arena);
    } finally {
      ctx.buffers().release(arena);
    }
  }

  /**
   * Runs the plan with kernels allocating from {@code arena} (null: plain allocation). The slots
   * a step writes are counted in the arena and dropped when they die; fed and constant slots are
   * not, since the arena does not own them (a subgraph's fed values belong to the enclosing run).
   */
  private static Object[] run(
      ExecutionPlan plan, List<Value> inputValues, Object[] inputs, ExecContext ctx, BufferArena arena) {
    Object[] env = plan.newEnvironment();
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] != null) {
        int slot = plan.slot(inputValues.get(i));
        if (slot >= 0) {
          env[slot] = inputs[i];
        }
      }
    }
    for (ExecutionPlan.Step step : plan.steps()) {
      Node n = step.node();
      int[] in = step.inputs();
      boolean values = step.kernel() instanceof ValueKernel;
      Object[] args = values ? new Object[in.length] : new Tensor[in.length];
      for (int k = 0; k < in.length; k++) {
        if (in[k] < 0) {
          continue;
        }
        Object v = env[in[k]];
        if (v == null) {
          throw new InferenceException(n.context(), "input " + k + " has no value", null);
        }
        if (!values && !(v instanceof Tensor)) {
          throw new InferenceException(n.context(), "input " + k + " is " + OptionalValue.describe(v)
              + ", expected a tensor", null);
        }
        args[k] = v;
      }
      Object[] out;
      Profile profile = ctx.profile();
      long start = profile == null ? 0 : System.nanoTime();
      try {
        out = values
            ? ((ValueKernel) step.kernel()).runValues(args, ctx)
            : step.kernel().run((Tensor[]) args, ctx);
      } catch (InferenceException e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        throw new InferenceException(n.context(), describe(e) + " (inputs: " + describeAll(args) + ")", e);
      } catch (OutOfMemoryError e) {
        throw new InferenceException(n.context(), "out of memory (inputs: " + describeAll(args) + ")", e);
      }
      if (profile != null) {
        profile.add(n.domain().isEmpty() ? n.opType() : n.domain() + ":" + n.opType(), System.nanoTime() - start);
      }
      int[] os = step.outputs();
      for (int k = 0; k < os.length; k++) {
        if (os[k] >= 0) {
          if (out == null || k >= out.length || out[k] == null) {
            throw new InferenceException(n.context(), "kernel produced no output " + k, null);
          }
          env[os[k]] = out[k];
          if (arena != null) {
            arena.hold(out[k]);
          }
        }
      }
      for (int s : step.releaseAfter()) {
        if (arena != null && plan.produced(s) && env[s] != null) {
          arena.drop(env[s]);
        }
        env[s] = null;
      }
    }
    int[] outs = plan.outputSlots();
    Object[] result = new Object[outs.length];
    for (int i = 0; i < outs.length; i++) {
      result[i] = env[outs[i]];
    }
    return result;
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static String describeAll(Object[] args) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(OptionalValue.describe(args[i]));
    }
    return b.toString();
  }
}
