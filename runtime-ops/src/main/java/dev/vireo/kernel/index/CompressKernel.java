package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Compress: the slices along {@code axis} whose condition entry is true (the input flattened
 * when there is no axis). The condition may be shorter than the axis; missing entries are false.
 * Negative axes from opset 11. Any element type.
 */
public final class CompressKernel implements Kernel {
  private final Long axis;

  public CompressKernel(Node n) {
    axis = n.hasAttr("axis") ? n.attrInt("axis", 0) : null;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    Tensor cond = in[1];
    if (cond.dtype() != DType.BOOL || cond.rank() != 1) {
      throw new IllegalArgumentException("Compress: condition must be a 1-D bool tensor, got " + cond.describe());
    }
    boolean[] c = cond.booleans();
    int ax = axis == null ? 0 : Shape.normalizeAxis(axis, x.rank());
    int[] dims = axis == null ? new int[] {x.size()} : x.shape().dims();
    int len = dims[ax];
    int kept = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i]) {
        if (i >= len) {
          throw new IllegalArgumentException("Compress: condition " + cond.describe() + " selects index " + i
              + " beyond axis " + ax + " of size " + len);
        }
        kept++;
      }
    }
    int[] sel = new int[kept];
    for (int i = 0, s = 0; i < c.length; i++) {
      if (c[i]) {
        sel[s++] = i;
      }
    }
    Shape full = Shape.of(dims);
    int outer = full.sizeBetween(0, ax);
    int inner = full.sizeBetween(ax + 1, dims.length);
    int[] od = dims.clone();
    od[ax] = kept;
    int[] map = new int[outer * kept * inner];
    int j = 0;
    for (int o = 0; o < outer; o++) {
      for (int s : sel) {
        for (int i = 0; i < inner; i++) {
          map[j++] = (o * len + s) * inner + i;
        }
      }
    }
    return new Tensor[] {Elements.gathered(ctx, x, Shape.of(od), map)};
  }
}
