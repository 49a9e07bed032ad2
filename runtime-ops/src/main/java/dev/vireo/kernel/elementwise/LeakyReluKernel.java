package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/** LeakyRelu: {@code x >= 0 ? x : alpha·x}, alpha from the attribute (default 0.01). */
public final class LeakyReluKernel implements Kernel {
  private final float alpha;

  public LeakyReluKernel(Node n) {
    this.alpha = n.attrFloat("alpha", 0.01f);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = HalfFloats.widen(inputs[0]);
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, x.shape());
    float[] s = x.floats();
    float[] d = out.floats();
    ctx.parallelFor(s.length, 1 << 15, (from, to) -> VecMath.leakyRelu(s, from, d, from, to - from, alpha));
    return new Tensor[] {HalfFloats.narrow(ctx, out, inputs[0].dtype())};
  }
}
