package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Pooling;
import dev.vireo.op.nn.WindowAttributes;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * MaxPool and AveragePool over 1 to 3 spatial dims, f32 (f16/bf16 via f32; MaxPool also i8 and
 * u8, opset 12+), split over (image, channel) pairs.
 *
 * <p>MaxPool: optional second output Indices (opset 8+), flattened over the whole input in
 * row-major order, or column-major within a channel when storage_order is 1; ceil_mode and
 * dilations from opset 10. AveragePool: count_include_pad (opset 7+), ceil_mode (opset 10+),
 * dilations (opset 19+). Attributes are read regardless of opset: older models never carry them.
 */
public final class PoolKernel implements Kernel {
  private static final int GRAIN = 1 << 14;

  private final boolean max;
  private final WindowAttributes win;
  private final boolean countPad;
  private final boolean colMajor;
  /** Whether the node asks for MaxPool's Indices output. */
  private final boolean indices;

  public PoolKernel(Node n, boolean max) {
    this.max = max;
    long[] ks = Spatial.kernelShape(n);
    if (ks == null) {
      throw new IllegalArgumentException(n.opType() + " needs the kernel_shape attribute");
    }
    win = WindowAttributes.read(n, ks);
    countPad = n.attrInt("count_include_pad", 0) != 0;
    long order = n.attrInt("storage_order", 0);
    if (order != 0 && order != 1) {
      throw new IllegalArgumentException("MaxPool: storage_order must be 0 or 1, got " + order);
    }
    colMajor = order == 1;
    indices = max && n.outputs().size() > 1 && n.output(1) != null;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    if (x0.rank() < 3) {
      throw new IllegalArgumentException(win.op() + " needs X [N,C,spatial...], got " + x0.describe());
    }
    Spatial sp = Spatial.of(win, x0.shape(), x0.shape().dim(1));
    // 8-bit integers are exact in float; MaxPool results are input values, so they convert back
    boolean int8 = x0.dtype() == DType.INT8 || x0.dtype() == DType.UINT8;
    float[] x = int8 ? x0.toFloatArray() : HalfFloats.widen(x0).floats();
    Shape outShape = Shape.of(sp.outDims());
    Tensor y = ctx.allocate(DType.FLOAT, outShape);
    Tensor ind = indices ? ctx.allocate(DType.INT64, outShape) : null;
    float[] yd = y.floats();
    long[] id = ind == null ? null : ind.longs();
    int planes = sp.outDims()[0] * sp.outDims()[1];
    int inSize = sp.inSize();
    int outSize = sp.outSize();
    int work = Math.max(1, outSize * sp.kSize());
    if (max && !indices && sp.k()[0] == 1 && sp.s()[0] == 1 && sp.pad()[0] == 0
        && sp.padEnd()[0] == 0) {
      MaxPoolRows.run(x, yd, planes * sp.in()[0], sp, ctx);
    } else {
      ctx.parallelFor(planes, Math.max(1, GRAIN / work), (from, to) -> {
        for (int p = from; p < to; p++) {
          if (max) {
            Pooling.max(x, p * inSize, sp.in(), sp.k(), sp.s(), sp.pad(), sp.dil(), sp.out(), yd,
                p * outSize, id, (long) p * inSize, colMajor);
          } else {
            Pooling.average(x, p * inSize, sp.in(), sp.k(), sp.s(), sp.pad(), sp.padEnd(), sp.dil(),
                sp.out(), countPad, yd, p * outSize);
          }
        }
      });
    }
    Tensor out = int8 ? toBytes(ctx, y, x0.dtype()) : HalfFloats.narrow(ctx, y, x0.dtype());
    return indices ? new Tensor[] {out, ind} : new Tensor[] {out};
  }

  private static Tensor toBytes(ExecContext ctx, Tensor f32, DType t) {
    Tensor out = ctx.allocate(t, f32.shape());
    float[] f = f32.floats();
    byte[] b = out.bytes();
    for (int i = 0; i < f.length; i++) {
      b[i] = (byte) (int) f[i];
    }
    return out;
  }
}
