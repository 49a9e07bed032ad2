package dev.vireo.kernel.transformer;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft FastGelu: {@code y = 0.5·v·(1 + tanh(√(2/π)·(v + 0.044715·v³)))} with {@code v =
 * x + bias} when the optional 1-D bias (input 1, along x's last dim) is given. f32.
 */
public final class FastGeluKernel implements Kernel {
  private static final int MIN_CHUNK = 4096;

  public FastGeluKernel(Node n) {}

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    float[] bias = in.length > 1 && in[1] != null ? GeluKernel.checkBias("FastGelu", x, in[1]) : null;
    Tensor y = ctx.allocateUninitialized(DType.FLOAT, x.shape());
    float[] xd = x.floats();
    float[] yd = y.floats();
    int hidden = bias == null ? 1 : bias.length;
    int rows = x.size() / Math.max(1, hidden);
    ctx.parallelFor(rows, Math.max(1, MIN_CHUNK / Math.max(1, hidden)),
        (from, to) -> GeluMath.fastGelu(xd, bias, yd, from * hidden, to * hidden));
    return new Tensor[] {y};
  }
}
