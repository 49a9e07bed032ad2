package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Identity, and Dropout: returns its input unchanged. Identity also passes sequences and
 * optionals (opset 14+ and 16+ allow them). Dropout's optional mask output is all true, except
 * with training_mode (an input from opset 12) true and a ratio (input 1, default 0.5) above 0:
 * then each element is kept with probability 1 − ratio and scaled by 1 / (1 − ratio), the mask
 * marking the kept ones, drawn from a generator seeded by the {@code seed} attribute (fresh each
 * run) or, without it, by the clock.
 */
public final class IdentityKernel implements ValueKernel {
  private final boolean dropout;
  private final boolean mask;
  private final Long seed;

  public IdentityKernel(Node n) {
    dropout = n.opType().equals("Dropout");
    mask = dropout && n.outputs().size() > 1 && n.output(1) != null;
    seed = n.hasAttr("seed") ? n.attrInt("seed", 0) : null;
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    Object x = inputs[0];
    if (!dropout) {
      return new Object[] {x};
    }
    if (!(x instanceof Tensor t)) {
      throw new IllegalArgumentException("Dropout needs a tensor input");
    }
    if (inputs.length > 2 && inputs[2] instanceof Tensor training && training.size() == 1
        && training.getLong(0) != 0) {
      double ratio = inputs[1] instanceof Tensor r ? r.getDouble(0) : 0.5;
      if (ratio < 0 || ratio >= 1) {
        throw new IllegalArgumentException("Dropout: ratio must be in [0, 1), got " + ratio);
      }
      if (ratio > 0) {
        return drop(t, ratio, ctx);
      }
    }
    if (!mask) {
      return new Object[] {t};
    }
    Tensor m = ctx.allocate(DType.BOOL, t.shape());
    java.util.Arrays.fill(m.booleans(), true);
    return new Object[] {t, m};
  }

  private Object[] drop(Tensor t, double ratio, ExecContext ctx) {
    if (!t.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException("Dropout in training mode needs a float input, got " + t.describe());
    }
    SplittableRandom random = new SplittableRandom(seed != null ? seed : System.nanoTime());
    double scale = 1 / (1 - ratio);
    Tensor m = ctx.allocate(DType.BOOL, t.shape());
    boolean[] keep = m.booleans();
    double[] y = new double[t.size()];
    for (int i = 0; i < y.length; i++) {
      keep[i] = random.nextDouble() >= ratio;
      y[i] = keep[i] ? t.getDouble(i) * scale : 0;
    }
    Tensor out = ctx.allocate(t.dtype(), t.shape());
    for (int i = 0; i < y.length; i++) {
      switch (t.dtype()) {
        case FLOAT -> out.floats()[i] = (float) y[i];
        case DOUBLE -> out.doubles()[i] = y[i];
        case FLOAT16 -> out.shorts()[i] = Float16.floatToHalf((float) y[i]);
        case BFLOAT16 -> out.shorts()[i] = Float16.floatToBfloat16((float) y[i]);
        default -> throw new IllegalArgumentException("Dropout in training mode needs a float input, got " + t.describe());
      }
    }
    return mask ? new Object[] {out, m} : new Object[] {out};
  }
}
