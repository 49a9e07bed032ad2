package dev.vireo.kernel.index;

import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * The addressing shared by GatherND and ScatterND: each index tuple (the last axis of indices)
 * selects a slice of data of {@link #slice} elements starting at {@link #starts}[tuple]. The
 * first {@code batchDims} axes of indices and data are batch axes walked together.
 */
record NdAddress(int[] starts, int slice, int depth) {

  static NdAddress of(Shape data, Tensor indices, int batchDims, String op) {
    int r = data.rank();
    int q = indices.rank();
    if (q < 1) {
      throw new IllegalArgumentException(op + ": indices " + indices.describe() + " must have rank >= 1");
    }
    int m = indices.shape().dim(q - 1);
    if (batchDims < 0 || batchDims >= Math.min(q, r) || batchDims + m > r) {
      throw new IllegalArgumentException(op + ": indices " + indices.describe() + " with batch_dims " + batchDims
          + " do not fit data " + data);
    }
    for (int k = 0; k < batchDims; k++) {
      if (indices.shape().dim(k) != data.dim(k)) {
        throw new IllegalArgumentException(op + ": batch dim " + k + " differs between data " + data
            + " and indices " + indices.describe());
      }
    }
    long[] idx = Indices.read(indices, op);
    int[] ds = data.strides();
    int slice = data.sizeBetween(batchDims + m, r);
    int batchSize = data.sizeBetween(batchDims, r);
    int tuples = indices.shape().sizeBetween(0, q - 1);
    int perBatch = indices.shape().sizeBetween(batchDims, q - 1);
    int[] starts = new int[tuples];
    for (int t = 0; t < tuples; t++) {
      int off = perBatch == 0 ? 0 : t / perBatch * batchSize;
      for (int k = 0; k < m; k++) {
        int axis = batchDims + k;
        off += Indices.resolve(idx[t * m + k], data.dim(axis), t * m + k, axis, op) * ds[axis];
      }
      starts[t] = off;
    }
    return new NdAddress(starts, slice, m);
  }

  /** The element map: entry i of the gathered tensor is data element map[i]. */
  int[] elementMap() {
    int[] map = new int[starts.length * slice];
    for (int t = 0; t < starts.length; t++) {
      for (int e = 0; e < slice; e++) {
        map[t * slice + e] = starts[t] + e;
      }
    }
    return map;
  }
}
