package dev.vireo.kernel.norm;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * RMSNormalization (opset 23): {@code Y = X / sqrt(mean(X²) + epsilon) * scale}, the mean taken
 * over the dims from {@code axis} on; scale broadcasts to X (usually to those trailing dims).
 * Computed in double whatever stash_type asks (at least its precision); Y has scale's type.
 */
public final class RmsNormalizationKernel implements Kernel {
  private final long axis;
  private final double epsilon;

  public RmsNormalizationKernel(Node n) {
    axis = n.attrInt("axis", -1);
    epsilon = n.attrFloat("epsilon", 1e-5f);
    long stash = n.attrInt("stash_type", 1);
    if (stash != 1 && stash != 10 && stash != 11 && stash != 16) {
      throw new IllegalArgumentException("RMSNormalization: stash_type must be 1, 10, 11 or 16, got " + stash);
    }
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x0 = in[0];
    Tensor s0 = in[1];
    int r = x0.rank();
    int ax = Shape.normalizeAxis(axis, r);
    int rows = x0.shape().sizeBetween(0, ax);
    int len = x0.shape().sizeBetween(ax, r);
    int[] dims = x0.shape().dims();
    // a scale of higher rank than the normalized dims broadcasts against the whole of X
    boolean full = s0.rank() > r - ax;
    double[] scale = NormData.expand(s0, full ? dims : Arrays.copyOfRange(dims, ax, r),
        "RMSNormalization: scale");
    Tensor y = ctx.allocate(s0.dtype(), x0.shape());
    ctx.parallelFor(rows, Math.max(1, 8192 / Math.max(1, len)), (from, to) -> {
      double[] row = new double[len];
      for (int r0 = from; r0 < to; r0++) {
        int off = r0 * len;
        NormData.readRow(x0, off, row, len);
        double ss = 0;
        for (int i = 0; i < len; i++) {
          ss += row[i] * row[i];
        }
        double inv = 1.0 / Math.sqrt(ss / len + epsilon);
        int so = full ? off : 0;
        for (int i = 0; i < len; i++) {
          row[i] = row[i] * inv * scale[so + i];
        }
        NormData.writeRow(y, off, row, len);
      }
    });
    return new Tensor[] {y};
  }
}
