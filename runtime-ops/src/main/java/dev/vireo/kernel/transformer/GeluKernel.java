package dev.vireo.kernel.transformer;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft Gelu and BiasGelu: {@code y = 0.5·v·(1 + erf(v/√2))} with {@code v = x} (Gelu)
 * or {@code v = x + bias}, the 1-D bias running along x's last dim (BiasGelu). f32.
 */
public final class GeluKernel implements Kernel {
  private static final int MIN_CHUNK = 4096;
  private final String op;

  public GeluKernel(Node n) {
    op = n.opType();
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    float[] bias = in.length > 1 && in[1] != null ? checkBias(op, x, in[1]) : null;
    if (bias == null && op.equals("BiasGelu")) {
      throw new IllegalArgumentException("BiasGelu: input 1 (bias) is required");
    }
    Tensor y = ctx.allocateUninitialized(DType.FLOAT, x.shape());
    float[] xd = x.floats();
    float[] yd = y.floats();
    int hidden = bias == null ? 1 : bias.length;
    // chunks cover whole rows so the bias index stays a simple modulo
    int rows = x.size() / Math.max(1, hidden);
    ctx.parallelFor(rows, Math.max(1, MIN_CHUNK / Math.max(1, hidden)),
        (from, to) -> GeluMath.gelu(xd, bias, yd, from * hidden, to * hidden));
    return new Tensor[] {y};
  }

  /** The bias values after checking the bias is 1-D and matches x's last dim. */
  static float[] checkBias(String op, Tensor x, Tensor bias) {
    int last = x.rank() == 0 ? 1 : x.shape().dim(x.rank() - 1);
    if (bias.rank() != 1 || bias.shape().dim(0) != last) {
      throw new IllegalArgumentException(op + ": bias " + bias.describe()
          + " must be 1-D with the last dim of input " + x.describe());
    }
    return bias.floats();
  }
}
