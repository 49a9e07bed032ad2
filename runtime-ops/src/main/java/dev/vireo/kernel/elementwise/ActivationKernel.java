package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Activation;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * A parametric activation (Selu, Elu, HardSigmoid, ThresholdedRelu, Shrink, Celu, Swish) with
 * its parameters resolved from the node's attributes when the kernel is built: f32 and f64, with
 * f16/bf16 computed in f32. HardSigmoid on f32 is vectorized (a fused multiply-add, then a clamp).
 */
public final class ActivationKernel implements Kernel {
  private static final int GRAIN = 1 << 14;

  private final Activation fn;
  private final double a;
  private final double b;

  /** {@code a} and {@code b} as {@link Activation} documents them for {@code fn}. */
  public ActivationKernel(Activation fn, float a, float b) {
    this.fn = fn;
    this.a = a;
    this.b = b;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    DType t = x.dtype();
    if (t == DType.DOUBLE) {
      Tensor out = ctx.allocate(DType.DOUBLE, x.shape());
      double[] src = x.doubles();
      double[] dst = out.doubles();
      ctx.parallelFor(src.length, GRAIN, (from, to) -> fn.apply(src, dst, from, to, a, b));
      return new Tensor[] {out};
    }
    Tensor in = HalfFloats.widen(x);
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, x.shape());
    float[] src = in.floats();
    float[] dst = out.floats();
    if (fn == Activation.HARD_SIGMOID) {
      float fa = (float) a;
      float fb = (float) b;
      ctx.parallelFor(src.length, GRAIN, (from, to) -> {
        VecMath.scaleShift(src, from, dst, from, to - from, fa, fb);
        VecMath.clip(dst, from, dst, from, to - from, 0f, 1f);
      });
      return new Tensor[] {HalfFloats.narrow(ctx, out, t)};
    }
    ctx.parallelFor(src.length, GRAIN, (from, to) -> fn.apply(src, dst, from, to, a, b));
    return new Tensor[] {HalfFloats.narrow(ctx, out, t)};
  }
}
