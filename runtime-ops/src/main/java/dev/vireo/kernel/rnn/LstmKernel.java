package dev.vireo.kernel.rnn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * ONNX LSTM (opsets 1+, all float types, float16/bfloat16/float64 computed in float32), gates in
 * the order i (input), o (output), f (forget), c (cell); peepholes P in the order i, o, f;
 * default f = Sigmoid, g = Tanh, h = Tanh:
 *
 * <pre>
 * i = f(X·Wiᵀ + H·Riᵀ + Pi ⊙ C + Wbi + Rbi)
 * f = f(X·Wfᵀ + H·Rfᵀ + Pf ⊙ C + Wbf + Rbf)     (1 - i with input_forget)
 * c = g(X·Wcᵀ + H·Rcᵀ + Wbc + Rbc)
 * C' = f ⊙ C + i ⊙ c
 * o = f(X·Woᵀ + H·Roᵀ + Po ⊙ C' + Wbo + Rbo)
 * H' = o ⊙ h(C')
 * </pre>
 *
 * <p>Inputs X, W, R, B, sequence_lens, initial_h, initial_c, P; outputs Y, Y_h and Y_c, each
 * optional. clip bounds the inputs of f and g (not of h). See {@link RecurrentRun} for layouts
 * and sequence lengths.
 */
public final class LstmKernel implements Kernel {
  private final RecurrentAttributes attrs;
  private final boolean inputForget;
  private final Outputs outputs;
  private final TransposedWeights wT;
  private final TransposedWeights rT;

  private LstmKernel(RecurrentAttributes attrs, boolean inputForget, Outputs outputs,
      TransposedWeights wT, TransposedWeights rT) {
    this.wT = wT;
    this.rT = rT;
    this.attrs = attrs;
    this.inputForget = inputForget;
    this.outputs = outputs;
  }

  /** Reads the node's attributes and transposes W and R when they are initializers. */
  public static Kernel create(Node n) {
    return new LstmKernel(
        RecurrentAttributes.read(n, "Sigmoid", "Tanh", "Tanh"),
        n.attrInt("input_forget", 0) != 0,
        Outputs.of(n),
        TransposedWeights.of(n, 1),
        TransposedWeights.of(n, 2));
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    RecurrentRun run = RecurrentRun.of(attrs, 4, inputs, wT, rT);
    RecurrentRun.Output y = outputs.wants(0) ? run.output(ctx, run.yShape()) : null;
    RecurrentRun.Output yh = run.output(ctx, run.stateShape());
    RecurrentRun.Output yc = run.output(ctx, run.stateShape());
    float[] p = inputs.length > 7 ? RecurrentRun.floats(inputs[7]) : null;
    ctx.parallelFor(run.dirs, 1, (from, to) -> {
      for (int d = from; d < to; d++) {
        direction(run, inputs, p, d, y == null ? null : y.data, yh.data, yc.data, ctx);
      }
    });
    return outputs.finish(ctx, y, yh, yc);
  }

  private void direction(
      RecurrentRun run, Tensor[] inputs, float[] p, int d, float[] y, float[] yh, float[] yc,
      ExecContext ctx) {
    int hs = run.hidden;
    int gh = 4 * hs;
    float[] bias = run.inputBias(d);
    float[] rb = run.recurrentBias(d);
    for (int j = 0; j < gh; j++) {
      bias[j] += rb[j];
    }
    float[] xw = run.project(d, bias, ctx);
    float[] rT = run.recurrenceT(d);
    float[] h = run.initialState(inputs, 5, d);
    float[] c = run.initialState(inputs, 6, d);
    float[] pre = new float[run.batch * gh];
    Activation f = attrs.activations()[d][0];
    Activation g = attrs.activations()[d][1];
    Activation ha = attrs.activations()[d][2];
    float clip = attrs.clip();
    int pi = d * 3 * hs;
    int po = pi + hs;
    int pf = po + hs;
    int chunk = RecurrentMath.rowsPerChunk(gh * hs);
    for (int step = 0; step < run.maxLen; step++) {
      int s = step;
      ctx.parallelFor(run.batch, chunk, (from, to) -> {
        for (int b = from; b < to; b++) {
          if (s >= run.lens[b]) {
            continue;
          }
          int t = run.time(s, d, b);
          int oi = b * gh;
          int oo = oi + hs;
          int of = oo + hs;
          int oc = of + hs;
          int hb = b * hs;
          System.arraycopy(xw, run.xRow(t, b) * gh, pre, oi, gh);
          RecurrentMath.rowTimes(h, hb, hs, rT, gh, 0, gh, pre, oi);
          if (p != null) {
            for (int j = 0; j < hs; j++) {
              pre[oi + j] += p[pi + j] * c[hb + j];
              pre[of + j] += p[pf + j] * c[hb + j];
            }
          }
          f.apply(pre, oi, oo, clip);
          if (inputForget) {
            for (int j = 0; j < hs; j++) {
              pre[of + j] = 1f - pre[oi + j];
            }
          } else {
            f.apply(pre, of, oc, clip);
          }
          g.apply(pre, oc, oc + hs, clip);
          for (int j = 0; j < hs; j++) {
            float cell = pre[of + j] * c[hb + j] + pre[oi + j] * pre[oc + j];
            c[hb + j] = cell;
            // the c slot now holds C' and, after h below, h(C')
            pre[oc + j] = cell;
          }
          if (p != null) {
            for (int j = 0; j < hs; j++) {
              pre[oo + j] += p[po + j] * c[hb + j];
            }
          }
          f.apply(pre, oo, of, clip);
          ha.apply(pre, oc, oc + hs, Float.POSITIVE_INFINITY);
          for (int j = 0; j < hs; j++) {
            h[hb + j] = pre[oo + j] * pre[oc + j];
          }
          if (y != null) {
            System.arraycopy(h, hb, y, run.yOffset(t, d, b), hs);
          }
        }
      });
    }
    run.storeState(h, d, yh);
    run.storeState(c, d, yc);
  }
}
