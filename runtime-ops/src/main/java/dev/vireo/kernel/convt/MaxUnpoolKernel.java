package dev.vireo.kernel.convt;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Kernel;
import dev.vireo.op.nn.WindowAttributes;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * MaxUnpool: scatters X [N, C, in...] into a zero tensor at the flat indices I (as MaxPool's
 * Indices output gives them) of the default unpooled shape, per spatial dim {@code
 * (in-1)·stride + kernel - pad_begin - pad_end}. With the optional output_shape input, that
 * result is then zero-padded (or cut) at the end of each spatial dim to the requested shape, as
 * the ONNX reference does. Any element type.
 */
public final class MaxUnpoolKernel implements Kernel {
  private final long[] kernel;
  private final long[] strides;
  private final long[] pads;

  MaxUnpoolKernel(Node n) {
    kernel = n.attrInts("kernel_shape", null);
    if (kernel == null) {
      throw new IllegalArgumentException("MaxUnpool: kernel_shape is required");
    }
    WindowAttributes w = WindowAttributes.read(n, kernel);
    strides = w.strides();
    pads = w.pads();
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Tensor idx = inputs[1];
    Tensor shapeIn = inputs.length > 2 ? inputs[2] : null;
    int r = kernel.length;
    if (x.rank() != r + 2 || !idx.shape().equals(x.shape())) {
      throw new IllegalArgumentException("MaxUnpool: X " + x.describe() + " must be [N,C] plus " + r
          + " spatial dims and I " + idx.describe() + " of the same shape");
    }
    int[] def = x.shape().dims();
    for (int i = 0; i < r; i++) {
      def[i + 2] = Math.toIntExact((def[i + 2] - 1) * strides[i] + kernel[i] - pads[i] - pads[i + r]);
    }
    Tensor scattered = ctx.allocate(x.dtype(), Shape.of(def));
    long[] ix = Axes.values(idx, "MaxUnpool indices");
    int n = scattered.size();
    Object src = x.data();
    Object dst = scattered.data();
    for (int i = 0; i < ix.length; i++) {
      if (ix[i] < 0 || ix[i] >= n) {
        throw new IllegalArgumentException("MaxUnpool: index " + ix[i] + " at " + i
            + " is outside the unpooled " + scattered.describe());
      }
      System.arraycopy(src, i, dst, (int) ix[i], 1);
    }
    if (shapeIn == null) {
      return new Tensor[] {scattered};
    }
    int[] od = Arrays.stream(Axes.values(shapeIn, "MaxUnpool output_shape")).mapToInt(Math::toIntExact).toArray();
    if (od.length != x.rank() || od[0] != def[0] || od[1] != def[1]) {
      throw new IllegalArgumentException("MaxUnpool: output_shape " + Arrays.toString(od)
          + " must have the rank, N and C of X " + x.describe());
    }
    Tensor out = ctx.allocate(x.dtype(), Shape.of(od));
    copyOverlap(scattered, out);
    return new Tensor[] {out};
  }

  /** Copies the overlap of two same-rank tensors, element (i...) to element (i...). */
  private static void copyOverlap(Tensor a, Tensor b) {
    int[] ad = a.shape().dims();
    int[] bd = b.shape().dims();
    int r = ad.length;
    int[] as = a.shape().strides();
    int[] bs = b.shape().strides();
    int[] common = new int[r];
    for (int i = 0; i < r; i++) {
      common[i] = Math.min(ad[i], bd[i]);
    }
    int inner = common[r - 1];
    int rows = Shape.of(common).size() / Math.max(1, inner);
    for (int row = 0; inner > 0 && row < rows; row++) {
      int q = row;
      int ao = 0;
      int bo = 0;
      for (int k = r - 2; k >= 0; k--) {
        int c = q % common[k];
        q /= common[k];
        ao += c * as[k];
        bo += c * bs[k];
      }
      System.arraycopy(a.data(), ao, b.data(), bo, inner);
    }
  }
}
