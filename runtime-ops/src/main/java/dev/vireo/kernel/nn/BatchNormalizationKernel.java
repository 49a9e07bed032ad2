package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * BatchNormalization in inference mode: {@code y = (x - mean) / sqrt(var + epsilon) · scale + B}
 * per channel (dim 1). Before opset 9, {@code spatial=0} normalizes per activation: the
 * parameters then have the shape of X without its batch dim. training_mode=1 (opset 14+) is served
 * by {@link BatchNormalizationTrainingKernel}; the training outputs of older opsets are rejected.
 * f32 (f16/bf16 via f32).
 */
public final class BatchNormalizationKernel implements Kernel {
  private final float epsilon;

  public BatchNormalizationKernel(Node n) {
    epsilon = n.attrFloat("epsilon", 1e-5f);
    // opset 14: training_mode attribute, served by BatchNormalizationTrainingKernel
    if (n.attrInt("training_mode", 0) != 0) {
      throw new IllegalArgumentException(
          "BatchNormalization with training_mode=1 is not supported (inference only)");
    }
    for (int i = 1; i < n.outputs().size(); i++) {
      if (n.output(i) != null) {
        throw new IllegalArgumentException("BatchNormalization output " + i + " '" + n.output(i).name()
            + "' is a training statistic; only inference (one output) is supported");
      }
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    if (x0.rank() < 2) {
      throw new IllegalArgumentException("BatchNormalization needs X [N,C,...], got " + x0.describe());
    }
    int n = x0.shape().dim(0);
    int c = x0.shape().dim(1);
    int inner = x0.shape().sizeBetween(2, x0.rank());
    int perImage = c * inner;
    float[][] p = new float[4][];
    boolean perActivation = false;
    for (int i = 0; i < 4; i++) {
      Tensor t = inputs[i + 1];
      if (t.size() == c && t.rank() <= 1) {
        p[i] = HalfFloats.widen(t).floats();
      } else if (t.size() == perImage && perImage != c) {
        // spatial=0 (before opset 9): one parameter per activation
        perActivation = true;
        p[i] = HalfFloats.widen(t).floats();
      } else {
        throw new IllegalArgumentException("BatchNormalization: "
            + new String[] {"scale", "B", "mean", "var"}[i] + " " + t.describe() + " does not fit X "
            + x0.describe() + " (expected [" + c + "])");
      }
    }
    int len = perActivation ? perImage : c;
    float[] a = new float[len];
    float[] b = new float[len];
    for (int i = 0; i < len; i++) {
      a[i] = (float) (at(p[0], i, len, inner) / Math.sqrt(at(p[3], i, len, inner) + epsilon));
      b[i] = (float) (at(p[1], i, len, inner) - at(p[2], i, len, inner) * (double) a[i]);
    }
    float[] x = HalfFloats.widen(x0).floats();
    Tensor y = ctx.allocateUninitialized(DType.FLOAT, x0.shape());
    float[] yd = y.floats();
    boolean act = perActivation;
    ctx.parallelFor(n * c, Math.max(1, 8192 / Math.max(1, inner)), (from, to) -> {
      for (int q = from; q < to; q++) {
        int ch = q % c;
        int off = q * inner;
        if (!act) {
          VecMath.scaleShift(x, off, yd, off, inner, a[ch], b[ch]);
          continue;
        }
        for (int i = 0; i < inner; i++) {
          int pi = act ? ch * inner + i : ch;
          yd[off + i] = x[off + i] * a[pi] + b[pi];
        }
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, y, x0.dtype())};
  }

  /** Parameter i of a per-activation table, repeating a per-channel one over its positions. */
  private static double at(float[] v, int i, int len, int inner) {
    return v.length == len ? v[i] : v[i / inner];
  }
}
