package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Shape: the input's dims as a 1-D int64 tensor; from opset 15 only dims [start, end), both
 * optional, negative counting from the end and clamped to [0, rank].
 */
public final class ShapeKernel implements Kernel {
  private final long start;
  private final Long end;

  public ShapeKernel(Node n) {
    // opset 15: start and end select a slice of the dims
    start = n.opset() >= 15 ? n.attrInt("start", 0) : 0;
    end = n.opset() >= 15 && n.hasAttr("end") ? n.attrInt("end", 0) : null;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    long[] d = inputs[0].shape().longDims();
    int r = d.length;
    int s = clamp(start, r);
    int e = end == null ? r : clamp(end, r);
    long[] dims = e > s ? Arrays.copyOfRange(d, s, e) : new long[0];
    Tensor out = ctx.allocate(DType.INT64, Shape.of(dims.length));
    System.arraycopy(dims, 0, out.longs(), 0, dims.length);
    return new Tensor[] {out};
  }

  private static int clamp(long v, int r) {
    long x = v < 0 ? v + r : v;
    return (int) Math.max(0, Math.min(r, x));
  }
}
