package dev.vireo.kernel.rnn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * ONNX RNN (opsets 1+, all float types, float16/bfloat16/float64 computed in float32):
 * {@code H_t = f(X_t·Wᵀ + H_{t-1}·Rᵀ + Wb + Rb)}, default f = Tanh.
 *
 * <p>Inputs X, W, R, B, sequence_lens, initial_h; outputs Y and Y_h, each optional. See {@link
 * RecurrentRun} for layouts and sequence lengths; bidirectional runs its two directions in
 * parallel.
 */
public final class RnnKernel implements Kernel {
  private final RecurrentAttributes attrs;
  private final Outputs outputs;
  private final TransposedWeights wT;
  private final TransposedWeights rT;

  private RnnKernel(RecurrentAttributes attrs, Outputs outputs,
      TransposedWeights wT, TransposedWeights rT) {
    this.wT = wT;
    this.rT = rT;
    this.attrs = attrs;
    this.outputs = outputs;
  }

  /** Reads the node's attributes and transposes W and R when they are initializers. */
  public static Kernel create(Node n) {
    return new RnnKernel(
        RecurrentAttributes.read(n, "Tanh"),
        Outputs.of(n),
        TransposedWeights.of(n, 1),
        TransposedWeights.of(n, 2));
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    RecurrentRun run = RecurrentRun.of(attrs, 1, inputs, wT, rT);
    RecurrentRun.Output y = outputs.wants(0) ? run.output(ctx, run.yShape()) : null;
    RecurrentRun.Output yh = run.output(ctx, run.stateShape());
    ctx.parallelFor(run.dirs, 1, (from, to) -> {
      for (int d = from; d < to; d++) {
        direction(run, inputs, d, y == null ? null : y.data, yh.data, ctx);
      }
    });
    return outputs.finish(ctx, y, yh, null);
  }

  private void direction(
      RecurrentRun run, Tensor[] inputs, int d, float[] y, float[] yh, ExecContext ctx) {
    int hs = run.hidden;
    float[] bias = run.inputBias(d);
    float[] rb = run.recurrentBias(d);
    for (int j = 0; j < hs; j++) {
      bias[j] += rb[j];
    }
    float[] xw = run.project(d, bias, ctx);
    float[] rT = run.recurrenceT(d);
    float[] h = run.initialState(inputs, 5, d);
    float[] pre = new float[run.batch * hs];
    Activation f = attrs.activations()[d][0];
    float clip = attrs.clip();
    int chunk = RecurrentMath.rowsPerChunk(hs * hs);
    for (int step = 0; step < run.maxLen; step++) {
      int s = step;
      ctx.parallelFor(run.batch, chunk, (from, to) -> {
        for (int b = from; b < to; b++) {
          if (s >= run.lens[b]) {
            continue;
          }
          int t = run.time(s, d, b);
          int o = b * hs;
          System.arraycopy(xw, run.xRow(t, b) * hs, pre, o, hs);
          RecurrentMath.rowTimes(h, o, hs, rT, hs, 0, hs, pre, o);
          f.apply(pre, o, o + hs, clip);
          System.arraycopy(pre, o, h, o, hs);
          if (y != null) {
            System.arraycopy(h, o, y, run.yOffset(t, d, b), hs);
          }
        }
      });
    }
    run.storeState(h, d, yh);
  }
}
