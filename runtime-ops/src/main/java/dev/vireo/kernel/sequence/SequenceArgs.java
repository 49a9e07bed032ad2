package dev.vireo.kernel.sequence;

import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;

/** Reading and checking the runtime values the sequence and optional kernels take. */
final class SequenceArgs {
  private SequenceArgs() {}

  static TensorSequence sequence(Object v, String what) {
    if (v instanceof TensorSequence s) {
      return s;
    }
    throw new IllegalArgumentException(what + " must be a sequence, got " + OptionalValue.describe(v));
  }

  static Tensor tensor(Object v, String what) {
    if (v instanceof Tensor t) {
      return t;
    }
    throw new IllegalArgumentException(what + " must be a tensor, got " + OptionalValue.describe(v));
  }

  /** A single-element integer tensor's value. */
  static long scalar(Object v, String what) {
    Tensor t = tensor(v, what);
    if (t.size() != 1 || !t.dtype().isInteger()) {
      throw new IllegalArgumentException(what + " must be a single integer, got " + t.describe());
    }
    return t.getLong(0);
  }

  /**
   * A possibly negative position in {@code [-size, size - 1 + extra]}, made non-negative.
   *
   * @param extra 1 where the position may point one past the end (insertion), else 0
   */
  static int position(long p, int size, int extra, String what) {
    long max = size - 1L + extra;
    if (p < -size || p > max) {
      throw new IllegalArgumentException(what + " " + p + " is out of range for a sequence of " + size
          + " tensors (valid: [" + (-size) + ", " + max + "])");
    }
    return (int) (p < 0 ? p + size : p);
  }
}
