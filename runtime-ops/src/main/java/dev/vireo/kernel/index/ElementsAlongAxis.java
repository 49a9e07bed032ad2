package dev.vireo.kernel.index;

import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * The addressing shared by GatherElements and ScatterElements: for each position of the indices
 * tensor, the data offset whose coordinate along {@code axis} is the index there and whose other
 * coordinates are the position's own.
 */
final class ElementsAlongAxis {
  private ElementsAlongAxis() {}

  static int[] offsets(Shape data, Tensor indices, int axis, String op) {
    int r = data.rank();
    if (indices.rank() != r) {
      throw new IllegalArgumentException(op + ": indices " + indices.describe() + " must have the rank of data "
          + data);
    }
    int[] id = indices.shape().dims();
    for (int k = 0; k < r; k++) {
      if (k != axis && id[k] > data.dim(k)) {
        throw new IllegalArgumentException(op + ": indices " + indices.describe() + " exceed data " + data
            + " on axis " + k);
      }
    }
    long[] idx = Indices.read(indices, op);
    int[] ds = data.strides();
    int[] map = new int[idx.length];
    int[] coord = new int[r];
    int len = data.dim(axis);
    for (int j = 0; j < idx.length; j++) {
      int off = Indices.resolve(idx[j], len, j, axis, op) * ds[axis];
      for (int k = 0; k < r; k++) {
        if (k != axis) {
          off += coord[k] * ds[k];
        }
      }
      map[j] = off;
      for (int k = r - 1; k >= 0; k--) {
        if (++coord[k] < id[k]) {
          break;
        }
        coord[k] = 0;
      }
    }
    return map;
  }
}
