package dev.vireo.kernel.nn;

import java.util.Arrays;

/**
 * How a Conv is computed, decided from its attributes and weight shape alone (so at plan time
 * when the weights are known).
 */
enum ConvStrategy {
  /** 1×1 kernel, stride 1, no padding: each group is a GEMM on the NCHW input as it is. */
  POINTWISE,
  /**
   * One filter per channel (group = C = M) in 1-D or 2-D: vectorized sliding-window rows over a
   * padded copy of each plane ({@link DepthwiseConv}).
   */
  DEPTHWISE,
  /** Everything else: tiles of the unfolded input multiplied by each group's filters. */
  IM2COL;

  /**
   * @param k kernel dims, {@code s} strides, {@code pad}/{@code padEnd} resolved pads, all in the
   *     3-D form of {@link Spatial}
   */
  static ConvStrategy choose(int c, int m, int g, int[] k, int[] s, int[] pad, int[] padEnd) {
    boolean flat = k[0] == 1 && s[0] == 1 && pad[0] == 0 && padEnd[0] == 0;
    if (g > 1 && g == c && m % g == 0 && flat) {
      return DEPTHWISE;
    }
    int[] ones = {1, 1, 1};
    int[] zeros = new int[3];
    if (Arrays.equals(k, ones) && Arrays.equals(s, ones) && Arrays.equals(pad, zeros)
        && Arrays.equals(padEnd, zeros)) {
      return POINTWISE;
    }
    return IM2COL;
  }

  static ConvStrategy choose(ConvGeometry geo) {
    Spatial sp = geo.sp();
    return choose(geo.c(), geo.m(), geo.g(), sp.k(), sp.s(), sp.pad(), sp.padEnd());
  }
}
