package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * ReverseSequence: for each batch entry b, reverses the first sequence_lens[b] steps along
 * time_axis (default 0) and copies the rest; batch_axis (default 1) and time_axis are 0 and 1 in
 * either order. Any element type.
 */
public final class ReverseSequenceKernel implements Kernel {
  private final int timeAxis;
  private final int batchAxis;

  ReverseSequenceKernel(Node n) {
    timeAxis = (int) n.attrInt("time_axis", 0);
    batchAxis = (int) n.attrInt("batch_axis", 1);
    if (!((timeAxis == 0 && batchAxis == 1) || (timeAxis == 1 && batchAxis == 0))) {
      throw new IllegalArgumentException("ReverseSequence: time_axis and batch_axis must be 0 and 1 in some order, got "
          + timeAxis + " and " + batchAxis);
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Shape s = x.shape();
    if (s.rank() < 2) {
      throw new IllegalArgumentException("ReverseSequence: input must have rank >= 2, got " + x.describe());
    }
    int steps = s.dim(timeAxis);
    int batch = s.dim(batchAxis);
    Tensor lens = inputs[1];
    if (lens.size() != batch) {
      throw new IllegalArgumentException("ReverseSequence: sequence_lens " + lens.describe() + " must have "
          + batch + " entries for " + x.describe());
    }
    int inner = s.sizeBetween(2, s.rank());
    Tensor out = ctx.allocate(x.dtype(), s);
    for (int b = 0; b < batch; b++) {
      long len = lens.getLong(b);
      if (len < 0 || len > steps) {
        throw new IllegalArgumentException("ReverseSequence: sequence_lens[" + b + "] = " + len + " is outside [0, " + steps + "]");
      }
      for (int t = 0; t < steps; t++) {
        int from = t < len ? (int) (len - 1 - t) : t;
        System.arraycopy(x.data(), offset(from, b, steps, batch) * inner, out.data(), offset(t, b, steps, batch) * inner, inner);
      }
    }
    return new Tensor[] {out};
  }

  private int offset(int t, int b, int steps, int batch) {
    return timeAxis == 0 ? t * batch + b : b * steps + t;
  }
}
