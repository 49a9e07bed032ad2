package dev.vireo.kernel.loss;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * The negative log likelihood step shared by NegativeLogLikelihoodLoss and
 * SoftmaxCrossEntropyLoss: from log-probabilities [N, C, d...] and class targets [N, d...], the
 * loss {@code -logp[n][c][d] · weight[c]} per sample (0 where the target is ignore_index),
 * optionally summed or averaged over the applied weights (1 each without weights).
 *
 * <p>Float data of any float type is handled as double and written back in the input's type.
 */
final class ClassLoss {
  enum Reduction { NONE, SUM, MEAN }

  private final String op;
  private final Reduction reduction;
  private final boolean hasIgnore;
  private final long ignoreIndex;

  ClassLoss(Node n) {
    op = n.opType();
    String r = n.attrString("reduction", "mean");
    reduction = switch (r) {
      case "none" -> Reduction.NONE;
      case "sum" -> Reduction.SUM;
      case "mean" -> Reduction.MEAN;
      default -> throw new IllegalArgumentException(op + ": reduction must be none, sum or mean, got '" + r + "'");
    };
    hasIgnore = n.hasAttr("ignore_index");
    ignoreIndex = n.attrInt("ignore_index", 0);
  }

  /**
   * The loss tensor in {@code type}: target-shaped with reduction none, else a scalar.
   *
   * @param logp log-probabilities, laid out as {@code input}'s shape
   * @throws IllegalArgumentException for mismatched shapes or a target outside [0, C)
   */
  Tensor loss(double[] logp, Shape input, Tensor target, Tensor weight, DType type, ExecContext ctx) {
    if (input.rank() < 2) {
      throw new IllegalArgumentException(op + ": input must be [N, C, d...], got " + type.shortName() + input);
    }
    int n = input.dim(0);
    int c = input.dim(1);
    int d = input.sizeBetween(2, input.rank());
    int[] expected = new int[input.rank() - 1];
    expected[0] = n;
    for (int i = 2; i < input.rank(); i++) {
      expected[i - 1] = input.dim(i);
    }
    if (!target.shape().equals(Shape.of(expected))) {
      throw new IllegalArgumentException(op + ": target " + target.describe() + " must have shape "
          + Arrays.toString(expected) + " for input " + type.shortName() + input);
    }
    if (target.dtype() != DType.INT64 && target.dtype() != DType.INT32) {
      throw new IllegalArgumentException(op + ": target must be int32 or int64, got " + target.describe());
    }
    double[] w = weight == null ? null : toDoubles(weight);
    if (w != null && (weight.rank() != 1 || w.length != c)) {
      throw new IllegalArgumentException(op + ": weight " + weight.describe() + " must be [" + c + "]");
    }
    double[] loss = new double[n * d];
    double weightSum = 0;
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < d; s++) {
        int k = i * d + s;
        long t = target.dtype() == DType.INT64 ? target.longs()[k] : target.ints()[k];
        if (hasIgnore && t == ignoreIndex) {
          continue;
        }
        if (t < 0 || t >= c) {
          throw new IllegalArgumentException(op + ": target value " + t + " at " + k
              + " is outside [0, " + c + ")" + (hasIgnore ? " and is not ignore_index " + ignoreIndex : ""));
        }
        double wc = w == null ? 1 : w[(int) t];
        loss[k] = -logp[(i * c + (int) t) * d + s] * wc;
        weightSum += wc;
      }
    }
    if (reduction == Reduction.NONE) {
      return fromDoubles(loss, type, target.shape(), ctx);
    }
    double sum = 0;
    for (double v : loss) {
      sum += v;
    }
    return fromDoubles(new double[] {reduction == Reduction.SUM ? sum : sum / weightSum}, type, Shape.SCALAR, ctx);
  }

  static double[] toDoubles(Tensor t) {
    int n = t.size();
    double[] d = new double[n];
    switch (t.dtype()) {
      case DOUBLE -> System.arraycopy(t.doubles(), 0, d, 0, n);
      case FLOAT -> {
        float[] f = t.floats();
        for (int i = 0; i < n; i++) {
          d[i] = f[i];
        }
      }
      case FLOAT16, BFLOAT16 -> {
        short[] s = t.shorts();
        boolean half = t.dtype() == DType.FLOAT16;
        for (int i = 0; i < n; i++) {
          d[i] = half ? Float16.halfToFloat(s[i]) : Float16.bfloat16ToFloat(s[i]);
        }
      }
      default -> throw new IllegalArgumentException("expected a float tensor, got " + t.describe());
    }
    return d;
  }

  static Tensor fromDoubles(double[] v, DType type, Shape shape, ExecContext ctx) {
    Tensor out = ctx.allocate(type, shape);
    switch (type) {
      case DOUBLE -> System.arraycopy(v, 0, out.doubles(), 0, v.length);
      case FLOAT -> {
        float[] f = out.floats();
        for (int i = 0; i < v.length; i++) {
          f[i] = (float) v[i];
        }
      }
      case FLOAT16 -> {
        short[] s = out.shorts();
        for (int i = 0; i < v.length; i++) {
          s[i] = Float16.floatToHalf((float) v[i]);
        }
      }
      case BFLOAT16 -> {
        short[] s = out.shorts();
        for (int i = 0; i < v.length; i++) {
          s[i] = Float16.floatToBfloat16((float) v[i]);
        }
      }
      default -> throw new IllegalArgumentException("expected a float type, got " + type);
    }
    return out;
  }
}
