package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Broadcast;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * LayerNormalization (opset 17): normalizes X over its dims from {@code axis} on, then applies
 * Scale and the optional B (both broadcast to those trailing dims). Optional outputs Mean and
 * InvStdDev have X's leading dims followed by 1s. Each row goes through
 * {@link VecMath#layerNormRow} (two passes: mean, then the squared deviations). f32 (f16/bf16
 * via f32).
 */
public final class LayerNormalizationKernel implements Kernel {
  private final long axis;
  private final float epsilon;

  public LayerNormalizationKernel(Node n) {
    axis = n.attrInt("axis", -1);
    epsilon = n.attrFloat("epsilon", 1e-5f);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    int r = x0.rank();
    int ax = Shape.normalizeAxis(axis, r);
    int[] d = x0.shape().dims();
    int rows = x0.shape().sizeBetween(0, ax);
    int len = x0.shape().sizeBetween(ax, r);
    int[] trailing = Arrays.copyOfRange(d, ax, r);
    float[] scale = expand(inputs[1], trailing, x0, "Scale");
    float[] bias = inputs.length > 2 && inputs[2] != null ? expand(inputs[2], trailing, x0, "B") : null;
    float[] x = HalfFloats.widen(x0).floats();
    Tensor y = ctx.allocateUninitialized(DType.FLOAT, x0.shape());
    int[] sd = d.clone();
    for (int i = ax; i < r; i++) {
      sd[i] = 1;
    }
    Tensor mean = ctx.allocate(DType.FLOAT, Shape.of(sd));
    Tensor inv = ctx.allocate(DType.FLOAT, Shape.of(sd));
    float[] yd = y.floats();
    float[] md = mean.floats();
    float[] id = inv.floats();
    ctx.parallelFor(rows, Math.max(1, 2048 / Math.max(1, len)), (from, to) -> {
      for (int row = from; row < to; row++) {
        int off = row * len;
        float mu = VecMath.sum(x, off, len) / len;
        float is = VecMath.layerNormRow(x, off, yd, off, len, scale, 0, bias, 0, epsilon);
        md[row] = mu;
        id[row] = is;
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, y, x0.dtype()), mean, inv};
  }

  private static float[] expand(Tensor p, int[] trailing, Tensor x, String what) {
    int[] pd = p.shape().dims();
    int[] out;
    try {
      out = Broadcast.shape(pd, trailing);
    } catch (IllegalArgumentException e) {
      out = null;
    }
    if (out == null || !Arrays.equals(out, trailing)) {
      throw new IllegalArgumentException("LayerNormalization: " + what + " " + p.describe()
          + " does not broadcast to the normalized dims " + Broadcast.dimsToString(trailing)
          + " of X " + x.describe());
    }
    float[] v = HalfFloats.widen(p).floats();
    if (v.length == Shape.of(trailing).size()) {
      return v;
    }
    Broadcast bc = Broadcast.of(pd, trailing);
    float[] e = new float[Shape.of(trailing).size()];
    int inner = bc.inner();
    for (int row = 0; row < bc.rows(); row++) {
      int o = bc.offset(0, row);
      for (int i = 0; i < inner; i++) {
        e[row * inner + i] = v[o + i * bc.step(0)];
      }
    }
    return e;
  }
}
