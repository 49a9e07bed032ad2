package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.IntegerWidening;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * Shrink on integer tensors: {@code x < -lambd ? x + bias : x > lambd ? x - bias : 0}, the float
 * result truncated toward zero into the input type (wrapping like a C cast). An integral bias is
 * applied in exact integer arithmetic, so 64-bit values beyond 2^53 stay exact in the common case.
 * uint64 values compare as unsigned numbers.
 */
public final class ShrinkIntegerKernel implements Kernel {
  private final double bias;
  private final double lambd;

  public ShrinkIntegerKernel(Node n) {
    this.bias = n.attrFloat("bias", 0f);
    this.lambd = n.attrFloat("lambd", 0.5f);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    boolean unsigned64 = x.dtype() == DType.UINT64;
    long[] v = IntegerWidening.widen(x).longs().clone();
    boolean integralBias = bias == Math.rint(bias) && Math.abs(bias) < 0x1p62;
    long b = (long) bias;
    for (int i = 0; i < v.length; i++) {
      double xd = unsigned64 && v[i] < 0 ? unsignedToDouble(v[i]) : v[i];
      if (xd < -lambd) {
        v[i] = integralBias ? v[i] + b : (long) (xd + bias);
      } else if (xd > lambd) {
        v[i] = integralBias ? v[i] - b : (long) (xd - bias);
      } else {
        v[i] = 0;
      }
    }
    Tensor out = Tensor.wrap(DType.INT64, x.shape(), v);
    return new Tensor[] {x.dtype() == DType.INT64 ? out : IntegerWidening.narrow(ctx, out, x.dtype())};
  }

  private static double unsignedToDouble(long bits) {
    return (double) (bits >>> 1) * 2.0 + (bits & 1);
  }
}
