package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * BatchNormalization with training_mode=1 (opset 14+): normalizes X [N, C, ...] with the batch
 * statistics of each channel (mean and population variance over N and the spatial axes) and
 * returns, when requested, the updated running statistics {@code input_mean · momentum +
 * batch_mean · (1 − momentum)} and likewise for the variance (momentum 0.9 by default).
 * Statistics are accumulated in double. f32 (f16/bf16 via f32).
 */
public final class BatchNormalizationTrainingKernel implements Kernel {
  private final double epsilon;
  private final double momentum;

  BatchNormalizationTrainingKernel(Node n) {
    epsilon = n.attrFloat("epsilon", 1e-5f);
    momentum = n.attrFloat("momentum", 0.9f);
  }

  /** The kernel for a BatchNormalization node: training when training_mode=1, else inference. */
  static Kernel create(Node n) {
    return n.attrInt("training_mode", 0) != 0 ? new BatchNormalizationTrainingKernel(n) : new BatchNormalizationKernel(n);
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
    float[][] p = new float[4][];
    for (int i = 0; i < 4; i++) {
      if (inputs[i + 1].size() != c) {
        throw new IllegalArgumentException("BatchNormalization: " + new String[] {"scale", "B", "input_mean", "input_var"}[i]
            + " " + inputs[i + 1].describe() + " does not fit X " + x0.describe() + " (expected [" + c + "])");
      }
      p[i] = HalfFloats.widen(inputs[i + 1]).floats();
    }
    float[] x = HalfFloats.widen(x0).floats();
    double count = (double) n * inner;
    double[] mean = new double[c];
    double[] var = new double[c];
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        int off = (b * c + ch) * inner;
        for (int i = 0; i < inner; i++) {
          mean[ch] += x[off + i];
        }
      }
    }
    for (int ch = 0; ch < c; ch++) {
      mean[ch] /= count;
    }
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        int off = (b * c + ch) * inner;
        for (int i = 0; i < inner; i++) {
          double d = x[off + i] - mean[ch];
          var[ch] += d * d;
        }
      }
    }
    Tensor y = ctx.allocate(DType.FLOAT, x0.shape());
    float[] yd = y.floats();
    Tensor runMean = ctx.allocate(DType.FLOAT, inputs[3].shape());
    Tensor runVar = ctx.allocate(DType.FLOAT, inputs[4].shape());
    for (int ch = 0; ch < c; ch++) {
      var[ch] /= count;
      double a = p[0][ch] / Math.sqrt(var[ch] + epsilon);
      for (int b = 0; b < n; b++) {
        int off = (b * c + ch) * inner;
        for (int i = 0; i < inner; i++) {
          yd[off + i] = (float) ((x[off + i] - mean[ch]) * a + p[1][ch]);
        }
      }
      runMean.floats()[ch] = (float) (p[2][ch] * momentum + mean[ch] * (1 - momentum));
      runVar.floats()[ch] = (float) (p[3][ch] * momentum + var[ch] * (1 - momentum));
    }
    return new Tensor[] {
        HalfFloats.narrow(ctx, y, x0.dtype()),
        HalfFloats.narrow(ctx, runMean, inputs[3].dtype()),
        HalfFloats.narrow(ctx, runVar, inputs[4].dtype())};
  }
}
