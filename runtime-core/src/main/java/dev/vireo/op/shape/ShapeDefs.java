package dev.vireo.op.shape;

import dev.vireo.tensor.Tensor;

/** Helpers for shape op definitions: reading int lists from constant tensors. */
final class ShapeDefs {
  private ShapeDefs() {}

  /** The values of an int32/int64 constant, or null when t is null or not an int tensor. */
  static long[] ints(Tensor t) {
    if (t == null) {
      return null;
    }
    return switch (t.dtype()) {
      case INT64 -> t.longs().clone();
      case INT32 -> java.util.Arrays.stream(t.ints()).asLongStream().toArray();
      default -> null;
    };
  }
}
