package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * TensorScatter: a copy of past_cache [batch, ..., max_seq, ...] with update [batch, ...,
 * seq, ...] written along {@code axis} (default −2, never 0) from write_indices[b] (default 0);
 * in mode circular the positions wrap modulo max_seq, in mode linear they must fit. Any type.
 */
public final class TensorScatterKernel implements Kernel {
  private final long axisAttr;
  private final boolean circular;

  TensorScatterKernel(Node n) {
    axisAttr = n.attrInt("axis", -2);
    String mode = n.attrString("mode", "linear");
    if (!mode.equals("linear") && !mode.equals("circular")) {
      throw new IllegalArgumentException("TensorScatter: mode must be linear or circular, got '" + mode + "'");
    }
    circular = mode.equals("circular");
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor past = inputs[0];
    Tensor update = inputs[1];
    Tensor indices = inputs.length > 2 ? inputs[2] : null;
    Shape s = past.shape();
    int axis = Shape.normalizeAxis(axisAttr, s.rank());
    if (axis == 0) {
      throw new IllegalArgumentException("TensorScatter: axis must not be the batch axis 0");
    }
    Shape u = update.shape();
    boolean fits = u.rank() == s.rank() && u.dim(axis) <= s.dim(axis);
    for (int i = 0; fits && i < s.rank(); i++) {
      fits = i == axis || u.dim(i) == s.dim(i);
    }
    if (!fits || update.dtype() != past.dtype()) {
      throw new IllegalArgumentException("TensorScatter: update " + update.describe() + " must match past_cache "
          + past.describe() + " except along axis " + axis);
    }
    int maxSeq = s.dim(axis);
    int seq = u.dim(axis);
    int batch = s.dim(0);
    int perBatch = s.sizeBetween(1, axis);
    int inner = s.sizeBetween(axis + 1, s.rank());
    Tensor out = ctx.allocate(past.dtype(), s);
    System.arraycopy(past.data(), 0, out.data(), 0, past.size());
    for (int b = 0; b < batch; b++) {
      long start = indices == null ? 0 : indices.getLong(b);
      if (!circular && (start < 0 || start + seq > maxSeq)) {
        throw new IllegalArgumentException("TensorScatter: write_indices[" + b + "] = " + start + " plus "
            + seq + " updates exceeds max_sequence_length " + maxSeq);
      }
      for (int p = 0; p < perBatch; p++) {
        int prefix = b * perBatch + p;
        for (int t = 0; t < seq; t++) {
          int at = (int) Math.floorMod(start + t, (long) maxSeq);
          System.arraycopy(update.data(), (prefix * seq + t) * inner, out.data(), (prefix * maxSeq + at) * inner, inner);
        }
      }
    }
    return new Tensor[] {out};
  }
}
