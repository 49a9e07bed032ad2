package dev.vireo.kernel.stateful;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * CausalConvWithState (opset 27): per channel c, with {@code padded} the past_state (zeros when
 * omitted) followed by the input along the length axis,
 * {@code out[b, c, t] = act(bias[c] + sum_j weight[c, 0, j] * padded[b, c, t + j])}, and
 * present_state is the last {@code k - 1} positions of {@code padded}. {@code act} is the identity
 * or SiLU ({@code x * sigmoid(x)}; "swish" is the same). f32; f16/bf16 via f32.
 */
public final class CausalConvWithStateKernel implements Kernel {
  private final boolean silu;

  public CausalConvWithStateKernel(Node n) {
    String activation = n.attrString("activation", "none");
    switch (activation) {
      case "none" -> silu = false;
      case "silu", "swish" -> silu = true;
      default -> throw new IllegalArgumentException(
          "CausalConvWithState: activation must be none, silu or swish, got '" + activation + "'");
    }
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x0 = in[0];
    Tensor w0 = in[1];
    Tensor bias0 = in.length > 2 ? in[2] : null;
    Tensor past0 = in.length > 3 ? in[3] : null;
    if (x0.rank() != 3 || w0.rank() != 3) {
      throw new IllegalArgumentException("CausalConvWithState: input (batch, channels, length) and weight "
          + "(channels, 1, k) must be 3-D, got " + x0.describe() + " and " + w0.describe());
    }
    int batch = x0.shape().dim(0);
    int channels = x0.shape().dim(1);
    int len = x0.shape().dim(2);
    int k = w0.shape().dim(2);
    if (w0.shape().dim(0) != channels || w0.shape().dim(1) != 1 || k < 1) {
      throw new IllegalArgumentException("CausalConvWithState: weight " + w0.describe() + " must be ("
          + channels + ", 1, k) with k >= 1 for input " + x0.describe());
    }
    int carry = k - 1;
    Shape stateShape = Shape.of(batch, channels, carry);
    if (bias0 != null && (bias0.rank() != 1 || bias0.shape().dim(0) != channels)) {
      throw new IllegalArgumentException("CausalConvWithState: bias " + bias0.describe() + " must be ("
          + channels + ")");
    }
    if (past0 != null && !past0.shape().equals(stateShape)) {
      throw new IllegalArgumentException("CausalConvWithState: past_state " + past0.describe() + " must be "
          + stateShape + " for input " + x0.describe() + " and kernel size " + k);
    }
    float[] x = HalfFloats.widen(x0).floats();
    float[] w = HalfFloats.widen(w0).floats();
    float[] bias = bias0 == null ? null : HalfFloats.widen(bias0).floats();
    float[] past = past0 == null ? null : HalfFloats.widen(past0).floats();
    Tensor yT = ctx.allocate(DType.FLOAT, x0.shape());
    Tensor sT = ctx.allocate(DType.FLOAT, stateShape);
    float[] y = yT.floats();
    float[] state = sT.floats();
    int padLen = len + carry;
    ctx.parallelFor(batch * channels, Math.max(1, 8192 / Math.max(1, padLen * k)), (from, to) -> {
      float[] padded = new float[padLen];
      for (int row = from; row < to; row++) {
        int c = row % channels;
        if (past != null) {
          System.arraycopy(past, row * carry, padded, 0, carry);
        } else {
          java.util.Arrays.fill(padded, 0, carry, 0f);
        }
        System.arraycopy(x, row * len, padded, carry, len);
        float b = bias == null ? 0f : bias[c];
        int wBase = c * k;
        int yBase = row * len;
        for (int t = 0; t < len; t++) {
          float acc = b;
          for (int j = 0; j < k; j++) {
            acc += w[wBase + j] * padded[t + j];
          }
          y[yBase + t] = silu ? acc / (1f + (float) Math.exp(-acc)) : acc;
        }
        System.arraycopy(padded, len, state, row * carry, carry);
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, yT, x0.dtype()), HalfFloats.narrow(ctx, sT, x0.dtype())};
  }
}
