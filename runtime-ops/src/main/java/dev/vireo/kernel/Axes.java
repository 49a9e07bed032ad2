package dev.vireo.kernel;

import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/** Reading axis lists from attributes or int tensors, normalizing negative axes. */
public final class Axes {
  private Axes() {}

  /** The values of a 1-D or scalar i32/i64 tensor. */
  public static long[] values(Tensor t, String what) {
    return switch (t.dtype()) {
      case INT64 -> t.longs().clone();
      case INT32 -> Arrays.stream(t.ints()).asLongStream().toArray();
      default -> throw new IllegalArgumentException(what + " must be int64 or int32, got " + t.describe());
    };
  }

  /**
   * Normalizes axes against a rank, rejecting out-of-range and repeated axes.
   *
   * @return the axes in [0, rank), in the given order
   */
  public static int[] normalize(long[] axes, int rank, String what) {
    int[] r = new int[axes.length];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < axes.length; i++) {
      if (axes[i] < -rank || axes[i] >= rank) {
        throw new IllegalArgumentException(what + " " + Arrays.toString(axes) + ": axis " + axes[i]
            + " is out of range for rank " + rank);
      }
      r[i] = Shape.normalizeAxis(axes[i], rank);
      if (seen[r[i]]) {
        throw new IllegalArgumentException(what + " " + Arrays.toString(axes) + " repeat axis " + r[i]);
      }
      seen[r[i]] = true;
    }
    return r;
  }
}
