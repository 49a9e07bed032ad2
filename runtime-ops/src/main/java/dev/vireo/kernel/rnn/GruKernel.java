package dev.vireo.kernel.rnn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * ONNX GRU (opsets 1+, all float types, float16/bfloat16/float64 computed in float32), gates in
 * the order z (update), r (reset), h (hidden); default f = Sigmoid, g = Tanh:
 *
 * <pre>
 * z = f(X·Wzᵀ + H·Rzᵀ + Wbz + Rbz)
 * r = f(X·Wrᵀ + H·Rrᵀ + Wbr + Rbr)
 * h = g(X·Whᵀ + (r ⊙ H)·Rhᵀ + Rbh + Wbh)        linear_before_reset = 0
 * h = g(X·Whᵀ + r ⊙ (H·Rhᵀ + Rbh) + Wbh)        linear_before_reset ≠ 0
 * H' = (1 - z) ⊙ h + z ⊙ H
 * </pre>
 *
 * <p>Inputs X, W, R, B, sequence_lens, initial_h; outputs Y and Y_h, each optional. clip bounds
 * the inputs of f and g. See {@link RecurrentRun} for layouts and sequence lengths.
 */
public final class GruKernel implements Kernel {
  private final RecurrentAttributes attrs;
  private final boolean linearBeforeReset;
  private final Outputs outputs;
  private final TransposedWeights wT;
  private final TransposedWeights rT;

  private GruKernel(RecurrentAttributes attrs, boolean linearBeforeReset, Outputs outputs,
      TransposedWeights wT, TransposedWeights rT) {
    this.wT = wT;
    this.rT = rT;
    this.attrs = attrs;
    this.linearBeforeReset = linearBeforeReset;
    this.outputs = outputs;
  }

  /** Reads the node's attributes and transposes W and R when they are initializers. */
  public static Kernel create(Node n) {
    return new GruKernel(
        RecurrentAttributes.read(n, "Sigmoid", "Tanh"),
        n.attrInt("linear_before_reset", 0) != 0,
        Outputs.of(n),
        TransposedWeights.of(n, 1),
        TransposedWeights.of(n, 2));
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    RecurrentRun run = RecurrentRun.of(attrs, 3, inputs, wT, rT);
    RecurrentRun.Output y = outputs.wants(0) ? run.output(ctx, run.yShape()) : null;
    RecurrentRun.Output yh = run.output(ctx, run.stateShape());
    ctx.parallelFor(run.dirs, 1, (from, to) -> {
      for (int d = from; d < to; d++) {
        direction(run, inputs, d, y == null ? null : y.data, yh.data, ctx);
      }
    });
    return outputs.finish(ctx, y, yh);
  }

  private void direction(
      RecurrentRun run, Tensor[] inputs, int d, float[] y, float[] yh, ExecContext ctx) {
    int hs = run.hidden;
    int gh = 3 * hs;
    float[] bias = run.inputBias(d);
    float[] rb = run.recurrentBias(d);
    // Rbh joins the projection only when it is not scaled by r
    int rbInProjection = linearBeforeReset ? 2 * hs : gh;
    for (int j = 0; j < rbInProjection; j++) {
      bias[j] += rb[j];
    }
    float[] xw = run.project(d, bias, ctx);
    float[] rT = run.recurrenceT(d);
    float[] h = run.initialState(inputs, 5, d);
    float[] pre = new float[run.batch * gh];
    float[] tmp = new float[run.batch * hs];
    Activation f = attrs.activations()[d][0];
    Activation g = attrs.activations()[d][1];
    float clip = attrs.clip();
    int chunk = RecurrentMath.rowsPerChunk(gh * hs);
    for (int step = 0; step < run.maxLen; step++) {
      int s = step;
      ctx.parallelFor(run.batch, chunk, (from, to) -> {
        for (int b = from; b < to; b++) {
          if (s >= run.lens[b]) {
            continue;
          }
          int t = run.time(s, d, b);
          int o = b * gh;
          int oh = o + 2 * hs;
          int hb = b * hs;
          System.arraycopy(xw, run.xRow(t, b) * gh, pre, o, gh);
          RecurrentMath.rowTimes(h, hb, hs, rT, gh, 0, 2 * hs, pre, o);
          f.apply(pre, o, oh, clip);
          int or = o + hs;
          if (linearBeforeReset) {
            System.arraycopy(rb, 2 * hs, tmp, hb, hs);
            RecurrentMath.rowTimes(h, hb, hs, rT, gh, 2 * hs, gh, tmp, hb);
            for (int j = 0; j < hs; j++) {
              pre[oh + j] += pre[or + j] * tmp[hb + j];
            }
          } else {
            for (int j = 0; j < hs; j++) {
              tmp[hb + j] = pre[or + j] * h[hb + j];
            }
            RecurrentMath.rowTimes(tmp, hb, hs, rT, gh, 2 * hs, gh, pre, oh);
          }
          g.apply(pre, oh, oh + hs, clip);
          for (int j = 0; j < hs; j++) {
            float z = pre[o + j];
            h[hb + j] = (1f - z) * pre[oh + j] + z * h[hb + j];
          }
          if (y != null) {
            System.arraycopy(h, hb, y, run.yOffset(t, d, b), hs);
          }
        }
      });
    }
    run.storeState(h, d, yh);
  }
}
