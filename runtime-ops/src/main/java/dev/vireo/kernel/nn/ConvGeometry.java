package dev.vireo.kernel.nn;

/**
 * The sizes of one Conv run: batch n, input channels c, output channels m, groups g and the
 * window ({@link Spatial}).
 */
record ConvGeometry(int n, int c, int m, int g, Spatial sp) {
  /** Input channels per group. */
  int cg() {
    return c / g;
  }

  /** Output channels per group. */
  int mg() {
    return m / g;
  }

  /** Rows of the unfolded input per group: C/g · kernel size. */
  int kg() {
    return cg() * sp.kSize();
  }
}
