package dev.vireo.kernel.norm;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * GroupNormalization: splits the C channels of X {@code (N, C, D1, ...)} into num_groups groups,
 * normalizes each (instance, group) to zero mean and unit variance and applies {@code scale *
 * x̂ + bias}. Opset 18 has one scale and bias per group; opset 21 one per channel. Statistics in
 * double.
 */
public final class GroupNormalizationKernel implements Kernel {
  private final int groups;
  private final double epsilon;
  private final boolean perChannel;

  /**
   * @param perChannel true for opset 21 (scale and bias of shape (C)), false for opset 18 (shape
   *     (num_groups))
   */
  public GroupNormalizationKernel(Node n, boolean perChannel) {
    if (!n.hasAttr("num_groups")) {
      throw new IllegalArgumentException("GroupNormalization: attribute num_groups is required");
    }
    long g = n.attrInt("num_groups", 0);
    if (g <= 0) {
      throw new IllegalArgumentException("GroupNormalization: num_groups must be > 0, got " + g);
    }
    groups = (int) g;
    epsilon = n.attrFloat("epsilon", 1e-5f);
    this.perChannel = perChannel;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    if (x.rank() < 2) {
      throw new IllegalArgumentException("GroupNormalization: X must have rank >= 2, got " + x.describe());
    }
    int c = x.shape().dim(1);
    if (c % groups != 0) {
      throw new IllegalArgumentException("GroupNormalization: " + c + " channels of X " + x.describe()
          + " do not split into num_groups=" + groups);
    }
    int params = perChannel ? c : groups;
    double[] scale = param(in[1], params, "scale");
    double[] bias = param(in[2], params, "bias");
    return new Tensor[] {normalize(ctx, x, groups, scale, bias, perChannel, epsilon)};
  }

  private double[] param(Tensor t, int n, String what) {
    if (t.size() != n || t.rank() != 1) {
      throw new IllegalArgumentException("GroupNormalization (opset " + (perChannel ? "21" : "18")
          + "): " + what + " must have shape [" + n + "], got " + t.describe());
    }
    return NormData.read(t);
  }

  /**
   * Normalizes each (instance, group) of x and applies scale and bias, indexed by channel when
   * perChannel, else by group.
   *
   * @return a new tensor of x's type and shape
   */
  static Tensor normalize(ExecContext ctx, Tensor x, int groups, double[] scale, double[] bias,
      boolean perChannel, double epsilon) {
    int n = x.shape().dim(0);
    int c = x.shape().dim(1);
    int spatial = x.shape().sizeBetween(2, x.rank());
    int perGroup = c / groups;
    int len = perGroup * spatial;
    Tensor y = ctx.allocate(x.dtype(), x.shape());
    ctx.parallelFor(n * groups, Math.max(1, 8192 / Math.max(1, len)), (from, to) -> {
      double[] row = new double[len];
      for (int ng = from; ng < to; ng++) {
        int g = ng % groups;
        NormData.readRow(x, ng * len, row, len);
        double s = 0;
        for (int i = 0; i < len; i++) {
          s += row[i];
        }
        double mean = s / len;
        double v = 0;
        for (int i = 0; i < len; i++) {
          double t = row[i] - mean;
          v += t * t;
        }
        double inv = 1.0 / Math.sqrt(v / len + epsilon);
        for (int k = 0; k < perGroup; k++) {
          int p = perChannel ? g * perGroup + k : g;
          int o = k * spatial;
          for (int i = 0; i < spatial; i++) {
            row[o + i] = (row[o + i] - mean) * inv * scale[p] + bias[p];
          }
        }
        NormData.writeRow(y, ng * len, row, len);
      }
    });
    return y;
  }
}
