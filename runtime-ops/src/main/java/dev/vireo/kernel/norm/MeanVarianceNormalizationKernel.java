package dev.vireo.kernel.norm;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * MeanVarianceNormalization (opset 9+): {@code (X - E[X]) / (sqrt(E[X²] - E[X]²) + 1e-9)}, the
 * expectations taken over {@code axes} (default {@code [0, 2, 3]}), as the op's function body
 * defines it.
 */
public final class MeanVarianceNormalizationKernel implements Kernel {
  /** The epsilon the ONNX function body adds to the standard deviation. */
  private static final double EPSILON = 1e-9;

  private final long[] axes;

  public MeanVarianceNormalizationKernel(Node n) {
    axes = n.attrInts("axes", new long[] {0, 2, 3});
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x0 = in[0];
    int r = x0.rank();
    boolean[] reduced = new boolean[r];
    for (int a : Axes.normalize(axes, r, "MeanVarianceNormalization: axes")) {
      reduced[a] = true;
    }
    int[] dims = x0.shape().dims();
    // each element's statistics slot: its index over the kept dims
    int[] keptStride = new int[r];
    int groups = 1;
    for (int k = r - 1; k >= 0; k--) {
      keptStride[k] = reduced[k] ? 0 : groups;
      groups *= reduced[k] ? 1 : dims[k];
    }
    double[] x = NormData.read(x0);
    int[] slot = new int[x.length];
    int[] idx = new int[r];
    int cur = 0;
    for (int i = 0; i < x.length; i++) {
      slot[i] = cur;
      for (int k = r - 1; k >= 0; k--) {
        idx[k]++;
        cur += keptStride[k];
        if (idx[k] < dims[k]) {
          break;
        }
        cur -= keptStride[k] * idx[k];
        idx[k] = 0;
      }
    }
    double[] sum = new double[groups];
    double[] sumSq = new double[groups];
    int[] count = new int[groups];
    for (int i = 0; i < x.length; i++) {
      sum[slot[i]] += x[i];
      sumSq[slot[i]] += x[i] * x[i];
      count[slot[i]]++;
    }
    double[] mean = new double[groups];
    double[] denom = new double[groups];
    for (int g = 0; g < groups; g++) {
      mean[g] = sum[g] / count[g];
      double var = sumSq[g] / count[g] - mean[g] * mean[g];
      denom[g] = Math.sqrt(Math.max(0, var)) + EPSILON;
    }
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = (x[i] - mean[slot[i]]) / denom[slot[i]];
    }
    return new Tensor[] {NormData.write(ctx, x0.dtype(), x0.shape(), y)};
  }
}
