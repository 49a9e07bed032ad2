package dev.vireo.kernel.quant;

import dev.vireo.tensor.Shape;

/**
 * Which scale (and zero point) applies to each element of a tensor being quantized or
 * dequantized: one for all (per-tensor, a scale of one element), one per index along {@code
 * axis} (per-axis, a 1-D scale of that length), or one per block of {@code blockSize}
 * consecutive indices along {@code axis} (blocked, a scale of the input's rank whose {@code axis}
 * dim is {@code ceil(D / blockSize)} and whose other dims equal the input's).
 */
final class QuantLayout {
  private final int kind;
  private final int inner;
  private final int dim;
  private final int blockSize;
  private final int blocks;

  private QuantLayout(int kind, int inner, int dim, int blockSize, int blocks) {
    this.kind = kind;
    this.inner = inner;
    this.dim = dim;
    this.blockSize = blockSize;
    this.blocks = blocks;
  }

  /**
   * @param op the operator name, for messages
   * @throws IllegalArgumentException when the scale's shape fits none of the three layouts
   */
  static QuantLayout of(String op, Shape x, Shape scale, long axis, long blockSize) {
    if (scale.size() == 1 && (scale.rank() <= 1 || blockSize <= 0)) {
      return new QuantLayout(0, 1, 1, 1, 1);
    }
    if (x.rank() == 0) {
      throw new IllegalArgumentException(op + ": scalar input needs a scalar scale, got scale " + scale);
    }
    int a = Shape.normalizeAxis(axis, x.rank());
    int inner = x.sizeBetween(a + 1, x.rank());
    int d = x.dim(a);
    if (blockSize <= 0) {
      if (scale.rank() != 1 || scale.dim(0) != d) {
        throw new IllegalArgumentException(op + ": per-axis scale must be 1-D of length " + d
            + " (axis " + a + " of input " + x + "), got " + scale);
      }
      return new QuantLayout(1, inner, d, 1, 1);
    }
    int b = (int) blockSize;
    int blocks = (d + b - 1) / b;
    boolean fits = scale.rank() == x.rank();
    for (int i = 0; fits && i < x.rank(); i++) {
      fits = scale.dim(i) == (i == a ? blocks : x.dim(i));
    }
    if (!fits) {
      throw new IllegalArgumentException(op + ": blocked scale for input " + x + ", axis " + a
          + ", block_size " + b + " must have dim " + blocks + " on the axis and the input's dims"
          + " elsewhere, got " + scale);
    }
    return new QuantLayout(2, inner, d, b, blocks);
  }

  /**
   * How many consecutive elements share one scale: the whole tensor ({@code size}) per-tensor,
   * the elements after the axis per-axis, 1 when blocked (the caller then asks per element).
   */
  int run(int size) {
    return switch (kind) {
      case 0 -> size;
      case 1 -> inner;
      default -> 1;
    };
  }

  /** The index into the scale of element i (row-major) of the input. */
  int scaleIndex(int i) {
    return switch (kind) {
      case 0 -> 0;
      case 1 -> (i / inner) % dim;
      default -> {
        int in = i % inner;
        int rest = i / inner;
        int d = rest % dim;
        int outer = rest / dim;
        yield (outer * blocks + d / blockSize) * inner + in;
      }
    };
  }
}
