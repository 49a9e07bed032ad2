package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.BinaryOp;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * Mean of one or more tensors, broadcast multidirectionally: their Sum divided by their count.
 * f32 and f64; f16/bf16 are summed and divided in f32 and rounded once.
 */
public final class MeanKernel implements Kernel {
  private final BinaryArithmeticKernel sum;

  public MeanKernel(Node n) {
    sum = new BinaryArithmeticKernel("Mean", BinaryOp.ADD, n);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    DType t = inputs[0].dtype();
    boolean half = t == DType.FLOAT16 || t == DType.BFLOAT16;
    Tensor[] in = inputs;
    if (half) {
      in = new Tensor[inputs.length];
      for (int i = 0; i < in.length; i++) {
        in[i] = HalfFloats.widen(inputs[i]);
      }
    }
    Tensor s = sum.run(in, ctx)[0];
    int count = inputs.length;
    Tensor out = ctx.allocate(s.dtype(), s.shape());
    if (s.dtype() == DType.DOUBLE) {
      double[] x = s.doubles();
      double[] o = out.doubles();
      for (int i = 0; i < x.length; i++) o[i] = x[i] / count;
    } else if (s.dtype() == DType.FLOAT) {
      float[] x = s.floats();
      float[] o = out.floats();
      for (int i = 0; i < x.length; i++) o[i] = x[i] / count;
    } else {
      throw new IllegalArgumentException("Mean does not support " + inputs[0].describe());
    }
    return new Tensor[] {half ? HalfFloats.narrow(ctx, out, t) : out};
  }
}
