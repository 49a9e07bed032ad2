package dev.vireo.kernel.quantcontrib;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft QLinearSigmoid and QLinearLeakyRelu: inputs X, X_scale, X_zero_point, Y_scale,
 * Y_zero_point (zero points optional). As onnxruntime, a 256-entry table per call: each 8-bit
 * value dequantized ({@code x_scale·(q - x_zp)}, float32), the function applied, the result
 * quantized with Y's parameters (round half to even, saturate); then Y is a table lookup.
 */
public final class QLinearLookupKernel implements Kernel {
  private final String op;
  private final QParams.FloatFn f;

  private QLinearLookupKernel(String op, QParams.FloatFn f) {
    this.op = op;
    this.f = f;
  }

  /** QLinearSigmoid: {@code 1 / (1 + e^-x)}. */
  public static QLinearLookupKernel sigmoid() {
    return new QLinearLookupKernel("QLinearSigmoid", x -> (float) (1 / (1 + Math.exp(-x))));
  }

  /** QLinearLeakyRelu: {@code x >= 0 ? x : alpha·x}. */
  public static QLinearLookupKernel leakyRelu(float alpha) {
    return new QLinearLookupKernel("QLinearLeakyRelu", x -> x >= 0 ? x : x * alpha);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    DType t = x.dtype();
    float xs = QParams.scale(op, "X_scale", in[1]);
    int xz = QParams.zeroPoint(op, "X_zero_point", in[2], t);
    float ys = QParams.scale(op, "Y_scale", in[3]);
    int yz = QParams.zeroPoint(op, "Y_zero_point", in.length > 4 ? in[4] : null, t);
    byte[] table = QParams.table(q -> xs * (float) (q - xz), f, ys, yz, t);
    Tensor y = ctx.allocateUninitialized(t, x.shape());
    byte[] src = x.bytes();
    byte[] dst = y.bytes();
    for (int i = 0, n = x.size(); i < n; i++) {
      dst[i] = table[src[i] & 0xFF];
    }
    return new Tensor[] {y};
  }
}
