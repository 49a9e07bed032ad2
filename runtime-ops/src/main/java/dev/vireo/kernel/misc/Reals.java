package dev.vireo.kernel.misc;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/** Reads numeric tensors into double working arrays. */
final class Reals {
  private Reals() {}

  static double[] of(Tensor t) {
    if (t.dtype() == DType.DOUBLE) {
      return t.doubles();
    }
    double[] d = new double[t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = t.getDouble(i);
    }
    return d;
  }
}
