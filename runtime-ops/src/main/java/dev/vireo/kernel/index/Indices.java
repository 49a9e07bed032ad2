package dev.vireo.kernel.index;

import dev.vireo.tensor.Tensor;

/** Reading index tensors: i32 or i64, negative values counting from the end of their dim. */
final class Indices {
  private Indices() {}

  static long[] read(Tensor t, String op) {
    return switch (t.dtype()) {
      case INT64 -> t.longs();
      case INT32 -> t.toLongArray();
      default -> throw new IllegalArgumentException(op + ": indices must be int32 or int64, got " + t.describe());
    };
  }

  /**
   * The index v normalized into [0, dim).
   *
   * @throws IllegalArgumentException naming the index, its position and the dim
   */
  static int resolve(long v, int dim, int at, int axis, String op) {
    if (v < -dim || v >= dim) {
      throw new IllegalArgumentException(op + ": index " + v + " (at " + at + ") is out of range [" + (-dim) + ", "
          + (dim - 1) + "] for axis " + axis + " of size " + dim);
    }
    return (int) (v < 0 ? v + dim : v);
  }
}
