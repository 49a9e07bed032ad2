package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.IntegerWidening;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Col2Im: rearranges columns [N, C·∏block, L] back into an image [N, C, image_shape...],
 * summing overlapping values; image_shape and block_shape are 1-D inputs, dilations, pads
 * ([begins..., ends...]) and strides are attributes (1, 0 and 1 by default). L must equal the
 * number of block positions. Floats are summed in double and written in the input's type;
 * integers are summed in wrapping int64 and narrowed to the input's type.
 */
public final class Col2ImKernel implements Kernel {
  private final long[] dilations;
  private final long[] pads;
  private final long[] strides;

  Col2ImKernel(Node n) {
    dilations = n.attrInts("dilations", null);
    pads = n.attrInts("pads", null);
    strides = n.attrInts("strides", null);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    long[] image = inputs[1].toLongArray();
    long[] block = inputs[2].toLongArray();
    int d = image.length;
    Shape s = x.shape();
    if (s.rank() != 3 || block.length != d) {
      throw new IllegalArgumentException("Col2Im: need input [N, C*prod(block), L] and equal-length image_shape and block_shape, got "
          + x.describe() + ", " + inputs[1].describe() + ", " + inputs[2].describe());
    }
    int blockSize = 1;
    int imageSize = 1;
    int positions = 1;
    int[] count = new int[d];
    for (int i = 0; i < d; i++) {
      blockSize *= (int) block[i];
      imageSize *= (int) image[i];
      long span = at(dilations, i, 1) * (block[i] - 1) + 1;
      count[i] = (int) ((image[i] + at(pads, i, 0) + at(pads, i + d, 0) - span) / at(strides, i, 1) + 1);
      positions *= count[i];
    }
    if (s.dim(1) % blockSize != 0 || s.dim(2) != positions) {
      throw new IllegalArgumentException("Col2Im: input " + x.describe() + " must be [N, C*" + blockSize + ", " + positions + "]");
    }
    int n = s.dim(0);
    int c = s.dim(1) / blockSize;
    boolean integer = x.dtype().isInteger();
    double[] out = integer ? null : new double[n * c * imageSize];
    long[] outL = integer ? new long[n * c * imageSize] : null;
    long[] xl = integer ? IntegerWidening.widen(x).longs() : null;
    int[] b = new int[d];
    int[] p = new int[d];
    for (int nc = 0; nc < n * c; nc++) {
      for (int bi = 0; bi < blockSize; bi++) {
        unravel(bi, block, b);
        for (int l = 0; l < positions; l++) {
          unravelInts(l, count, p);
          int target = 0;
          boolean inside = true;
          for (int i = 0; i < d && inside; i++) {
            long coord = p[i] * at(strides, i, 1) - at(pads, i, 0) + b[i] * at(dilations, i, 1);
            inside = coord >= 0 && coord < image[i];
            target = (int) (target * image[i] + coord);
          }
          int src = (nc * blockSize + bi) * positions + l;
          if (inside && integer) {
            outL[nc * imageSize + target] += xl[src];
          } else if (inside) {
            out[nc * imageSize + target] += x.getDouble(src);
          }
        }
      }
    }
    int[] od = new int[d + 2];
    od[0] = n;
    od[1] = c;
    for (int i = 0; i < d; i++) {
      od[i + 2] = (int) image[i];
    }
    if (integer) {
      Tensor wide = Tensor.wrap(DType.INT64, Shape.of(od), outL);
      return new Tensor[] {x.dtype() == DType.INT64 ? wide : IntegerWidening.narrow(ctx, wide, x.dtype())};
    }
    return new Tensor[] {Floats.tensor(out, x.dtype(), Shape.of(od), ctx)};
  }

  private static long at(long[] v, int i, long dflt) {
    return v == null ? dflt : v[i];
  }

  private static void unravel(int k, long[] dims, int[] idx) {
    for (int i = dims.length - 1; i >= 0; i--) {
      idx[i] = (int) (k % dims[i]);
      k /= (int) dims[i];
    }
  }

  private static void unravelInts(int k, int[] dims, int[] idx) {
    for (int i = dims.length - 1; i >= 0; i--) {
      idx[i] = k % dims[i];
      k /= dims[i];
    }
  }
}
