package dev.vireo.kernel.signal;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * HannWindow, HammingWindow and BlackmanWindow: the generalized cosine window
 * {@code w[n] = a0 − a1·cos(2πn/N) + a2·cos(4πn/N)} of length {@code size} (a scalar input), with
 * N = size when periodic (the default) and size − 1 when symmetric, in output_datatype (default
 * f32).
 */
public final class WindowKernel implements Kernel {
  private final String op;
  private final double a0;
  private final double a1;
  private final double a2;
  private final boolean periodic;
  private final DType type;

  private WindowKernel(Node n, double a0, double a1, double a2) {
    op = n.opType();
    this.a0 = a0;
    this.a1 = a1;
    this.a2 = a2;
    periodic = n.attrInt("periodic", 1) != 0;
    type = DType.fromOnnx((int) n.attrInt("output_datatype", DType.FLOAT.onnxCode()));
  }

  static WindowKernel hann(Node n) {
    return new WindowKernel(n, 0.5, 0.5, 0);
  }

  static WindowKernel hamming(Node n) {
    return new WindowKernel(n, 25.0 / 46, 21.0 / 46, 0);
  }

  static WindowKernel blackman(Node n) {
    return new WindowKernel(n, 0.42, 0.5, 0.08);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    long size = Reals.scalar(inputs[0], 0, op + ": size");
    if (size < 0) {
      throw new IllegalArgumentException(op + ": size must be >= 0, got " + size);
    }
    double[] w = new double[(int) size];
    double period = periodic ? size : size - 1;
    for (int i = 0; i < w.length; i++) {
      double x = 2 * Math.PI * i / period;
      w[i] = a0 - a1 * Math.cos(x) + a2 * Math.cos(2 * x);
    }
    return new Tensor[] {Reals.tensor(w, type, Shape.of(w.length), ctx)};
  }
}
