package dev.vireo.kernel.layout;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/** Tile: repeats the input {@code repeats[k]} times along each axis k (input 1, int64). Any type. */
public final class TileKernel implements Kernel {
  public TileKernel(Node n) {}

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    long[] rep = Elements.longs(in[1], "Tile repeats");
    int r = x.rank();
    if (rep.length != r) {
      throw new IllegalArgumentException("Tile: repeats " + Arrays.toString(rep) + " need one value per axis of "
          + x.describe());
    }
    int[] dims = x.shape().dims();
    long[] od = new long[r];
    int[][] src = new int[r][];
    for (int k = 0; k < r; k++) {
      if (rep[k] < 0) {
        throw new IllegalArgumentException("Tile: repeats " + Arrays.toString(rep) + " has negative value " + rep[k]);
      }
      od[k] = dims[k] * rep[k];
    }
    Shape shape = Shape.of(od);
    for (int k = 0; k < r; k++) {
      src[k] = new int[shape.dim(k)];
      for (int o = 0; o < src[k].length; o++) {
        src[k][o] = o % dims[k];
      }
    }
    int[] map = Elements.axisMap(shape.dims(), src, x.shape().strides());
    return new Tensor[] {Elements.gathered(ctx, x, shape, map)};
  }
}
