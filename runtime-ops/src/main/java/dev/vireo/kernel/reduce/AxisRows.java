package dev.vireo.kernel.reduce;

import dev.vireo.tensor.Shape;

/**
 * The rows a LogSoftmax or Hardmax normalizes: {@code outer·inner} rows of {@code len} values
 * each, value i of row (o, j) at {@code o·len·inner + i·inner + j}.
 *
 * <p>Before opset 13 the input is coerced to 2-D at {@code axis} (then {@code inner} is 1 and a
 * row spans every dim from {@code axis} on; {@code axis == rank} is allowed); from opset 13 a
 * row runs along the single dim {@code axis}.
 */
record AxisRows(int outer, int len, int inner) {
  /**
   * @throws IllegalArgumentException when axis is out of range for the shape
   */
  static AxisRows of(String op, Shape s, long axis, boolean coerce2d) {
    int r = s.rank();
    if (coerce2d) {
      long a = axis < 0 ? axis + r : axis;
      if (a < 0 || a > r) {
        throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape " + s);
      }
      return new AxisRows(s.sizeBetween(0, (int) a), s.sizeBetween((int) a, r), 1);
    }
    if (r == 0) {
      throw new IllegalArgumentException(op + ": input must have rank >= 1, got a scalar");
    }
    if (axis < -r || axis >= r) {
      throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape " + s);
    }
    int a = Shape.normalizeAxis(axis, r);
    return new AxisRows(s.sizeBetween(0, a), s.dim(a), s.sizeBetween(a + 1, r));
  }

  int rows() {
    return outer * inner;
  }

  /** The index of value 0 of row q. */
  int base(int q) {
    return (q / inner) * len * inner + q % inner;
  }
}
