package dev.vireo.kernel.transformer;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft SkipLayerNormalization: per row of the last (hidden) dim, {@code s = input + skip
 * (+ bias)}, then {@code output = (s - mean(s)) / sqrt(var(s) + epsilon) · gamma (+ beta)}.
 *
 * <p>input is 2-D or 3-D; skip has input's shape or, for a 3-D input, the shape of one batch
 * ({@code [1, S, H]} or {@code [S, H]}, broadcast over the batch). gamma, beta and bias are 1-D of
 * length hidden. Optional outputs: mean and inv_std_var (input's leading dims then 1) and
 * input_skip_bias_sum ({@code s}). Epsilon defaults to 1e-12, as in onnxruntime. f32.
 */
public final class SkipLayerNormKernel implements Kernel {
  private static final int MIN_CHUNK_ELEMS = 2048;
  private final float epsilon;
  private final boolean wantStats;
  private final boolean wantSum;

  public SkipLayerNormKernel(Node n) {
    epsilon = n.attrFloat("epsilon", 1e-12f);
    wantStats = n.output(1) != null || n.output(2) != null;
    wantSum = n.output(3) != null;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    Tensor skip = in[1];
    if (x.rank() != 2 && x.rank() != 3) {
      throw new IllegalArgumentException("SkipLayerNormalization: input must be 2-D or 3-D, got " + x.describe());
    }
    int hidden = x.shape().dim(x.rank() - 1);
    int rows = x.size() / Math.max(1, hidden);
    int skipSize = skip.size();
    if (skip.shape().dim(skip.rank() - 1) != hidden
        || (skipSize != x.size() && (x.rank() != 3 || skipSize != x.size() / x.shape().dim(0)))) {
      throw new IllegalArgumentException("SkipLayerNormalization: skip " + skip.describe()
          + " must have input's shape " + x.describe() + " or that of one batch");
    }
    float[] gamma = param(in, 2, "gamma", hidden, x);
    float[] beta = param(in, 3, "beta", hidden, x);
    float[] bias = param(in, 4, "bias", hidden, x);
    if (gamma == null) {
      throw new IllegalArgumentException("SkipLayerNormalization: gamma (input 2) is required");
    }
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, x.shape());
    int[] sd = x.shape().dims().clone();
    sd[sd.length - 1] = 1;
    Tensor mean = wantStats ? ctx.allocateUninitialized(DType.FLOAT, Shape.of(sd)) : null;
    Tensor inv = wantStats ? ctx.allocateUninitialized(DType.FLOAT, Shape.of(sd)) : null;
    Tensor sum = wantSum ? ctx.allocateUninitialized(DType.FLOAT, x.shape()) : null;
    float[] xd = x.floats();
    float[] kd = skip.floats();
    float[] od = out.floats();
    float[] sumd = sum == null ? null : sum.floats();
    float[] md = mean == null ? null : mean.floats();
    float[] id = inv == null ? null : inv.floats();
    ctx.parallelFor(rows, Math.max(1, MIN_CHUNK_ELEMS / Math.max(1, hidden)), (from, to) -> {
      // without the sum output, the sum is staged in the output row and normalized in place
      for (int row = from; row < to; row++) {
        int off = row * hidden;
        int skipOff = off % skipSize;
        float[] s = sumd == null ? od : sumd;
        for (int i = 0; i < hidden; i++) {
          float v = xd[off + i] + kd[skipOff + i];
          if (bias != null) {
            v += bias[i];
          }
          s[off + i] = v;
        }
        float is = VecMath.layerNormRow(s, off, od, off, hidden, gamma, 0, beta, 0, epsilon);
        if (md != null) {
          md[row] = VecMath.sum(s, off, hidden) / hidden;
          id[row] = is;
        }
      }
    });
    return new Tensor[] {out, mean, inv, sum};
  }

  private static float[] param(Tensor[] in, int i, String what, int hidden, Tensor x) {
    if (in.length <= i || in[i] == null) {
      return null;
    }
    Tensor p = in[i];
    if (p.rank() != 1 || p.shape().dim(0) != hidden) {
      throw new IllegalArgumentException("SkipLayerNormalization: " + what + " " + p.describe()
          + " must be 1-D with the hidden size of input " + x.describe());
    }
    return p.floats();
  }
}
