package dev.vireo.exec;

import dev.vireo.error.InferenceException;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.Tensor;
import java.util.List;

/** Runs an {@link ExecutionPlan}: node by node in plan order, releasing dead values as it goes. */
public final class Executor {
  private Executor() {}

  /**
   * Runs the plan.
   *
   * @param inputs tensors for the plan's leading slots (outer values, then graph inputs), in
   *     order; null entries leave the slot's constant (an overridable initializer) in place
   * @return the graph's outputs, in graph output order
   * @throws InferenceException naming the node whose kernel failed
   */
  public static Tensor[] run(ExecutionPlan plan, List<Value> inputValues, Tensor[] inputs, ExecContext ctx) {
    Tensor[] env = plan.newEnvironment();
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] != null) {
        env[plan.slot(inputValues.get(i))] = inputs[i];
      }
    }
    for (ExecutionPlan.Step step : plan.steps()) {
      Node n = step.node();
      int[] in = step.inputs();
      Tensor[] args = new Tensor[in.length];
      for (int k = 0; k < in.length; k++) {
        if (in[k] >= 0) {
          args[k] = env[in[k]];
          if (args[k] == null) {
            throw new InferenceException(n.context(), "input " + k + " '" + n.inputs().get(k).name()
                + "' has no value", null);
          }
        }
      }
      Tensor[] out;
      try {
        out = step.kernel().run(args, ctx);
      } catch (InferenceException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new InferenceException(n.context(), describe(e) + " (inputs: " + shapes(args) + ")", e);
      } catch (OutOfMemoryError e) {
        throw new InferenceException(n.context(), "out of memory (inputs: " + shapes(args) + ")", e);
      }
      int[] os = step.outputs();
      for (int k = 0; k < os.length; k++) {
        if (os[k] >= 0) {
          if (out == null || k >= out.length || out[k] == null) {
            throw new InferenceException(n.context(), "kernel produced no output " + k, null);
          }
          env[os[k]] = out[k];
        }
      }
      for (int s : step.releaseAfter()) {
        env[s] = null;
      }
    }
    int[] outs = plan.outputSlots();
    Tensor[] result = new Tensor[outs.length];
    for (int i = 0; i < outs.length; i++) {
      result[i] = env[outs[i]];
    }
    return result;
  }

  private static String describe(RuntimeException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static String shapes(Tensor[] args) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(args[i] == null ? "-" : args[i].describe());
    }
    return b.toString();
  }
}
