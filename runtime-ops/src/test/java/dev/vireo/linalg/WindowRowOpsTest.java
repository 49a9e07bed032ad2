package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The window-row kernel in use (SIMD when the vector runs load it) against the scalar reference:
 * bit-exact, since both do the same fused multiply-adds in tap order.
 */
class WindowRowOpsTest {
  private static final int[] SIZES = {0, 1, 3, 7, 8, 9, 15, 16, 17, 35, 64, 100, 1000, 4099};

  @Test
  void weightedSumAndMaxMatchTheScalarReference() {
    WindowRowOps ops = WindowRows.ops();
    WindowRowOps ref = WindowRows.scalar();
    SplittableRandom rnd = new SplittableRandom(4);
    for (int n : SIZES) {
      for (int taps : new int[] {1, 3, 9, 25}) {
        float[] x = new float[n + 64];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) rnd.nextDouble(-2, 2);
        }
        int[] tap = new int[taps];
        for (int t = 0; t < taps; t++) {
          tap[t] = rnd.nextInt(64);
        }
        float[] w = new float[taps + 2];
        for (int t = 0; t < w.length; t++) {
          w[t] = (float) rnd.nextDouble(-1, 1);
        }
        float[] y = new float[n + 5];
        float[] expected = new float[n + 5];
        ops.weightedSum(x, tap, w, 2, taps, y, 5, n);
        ref.weightedSum(x, tap, w, 2, taps, expected, 5, n);
        assertThat(y).as("weightedSum n=%d taps=%d", n, taps).containsExactly(expected);
        ops.max(x, tap, taps, y, 5, n);
        ref.max(x, tap, taps, expected, 5, n);
        assertThat(y).as("max n=%d taps=%d", n, taps).containsExactly(expected);
      }
    }
  }

  @Test
  void deinterleaveMatchesTheScalarReference() {
    SplittableRandom rnd = new SplittableRandom(6);
    for (int m : SIZES) {
      float[] x = new float[m + 3];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) rnd.nextDouble(-2, 2);
      }
      float[] even = new float[m / 2 + 4];
      float[] odd = new float[m / 2 + 4];
      float[] evenRef = even.clone();
      float[] oddRef = odd.clone();
      WindowRows.ops().deinterleave(x, 3, m, even, 1, odd, 2);
      WindowRows.scalar().deinterleave(x, 3, m, evenRef, 1, oddRef, 2);
      assertThat(even).as("even m=%d", m).containsExactly(evenRef);
      assertThat(odd).as("odd m=%d", m).containsExactly(oddRef);
    }
    float[] e = new float[3];
    float[] o = new float[3];
    WindowRows.ops().deinterleave(new float[] {1, 2, 3, 4, 5}, 0, 5, e, 0, o, 0);
    assertThat(e).containsExactly(1, 3, 5);
    assertThat(o).containsExactly(2, 4, 0);
  }

  @Test
  void handComputedRows() {
    float[] x = {1, 2, 3, 4, 5, 6};
    float[] y = new float[3];
    // taps at 0 and 2 with weights 1 and 10: y[i] = x[i] + 10·x[i+2]
    WindowRows.ops().weightedSum(x, new int[] {0, 2}, new float[] {1, 10}, 0, 2, y, 0, 3);
    assertThat(y).containsExactly(31, 42, 53);
    WindowRows.ops().max(new float[] {1, 9, 3, Float.NaN, 5}, new int[] {0, 1}, 2, y, 0, 3);
    assertThat(y[0]).isEqualTo(9);
    assertThat(y[1]).isEqualTo(9);
    assertThat(y[2]).isNaN();
  }

  @Test
  void paddedPlaneTapsReadTheStridedPaddedWindow() {
    // 3x4 plane 1..12, 3x3 window, stride 2, pad 1: output 2x2
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    PaddedPlane p = new PaddedPlane(3, 4, 3, 3, 2, 2, 1, 1, 1, 1, 2, 2);
    float[] buf = new float[p.size()];
    p.fill(x, 0, -100f, buf);
    int[] tap = new int[9];
    float[] y = new float[2];
    p.rowTaps(0, tap);
    // window rows -1..1, cols -1..1 then 1..3
    WindowRows.scalar().max(buf, tap, 9, y, 0, 2);
    assertThat(y).containsExactly(6, 8);
    p.rowTaps(1, tap);
    WindowRows.scalar().max(buf, tap, 9, y, 0, 2);
    assertThat(y).containsExactly(10, 12);
    float[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    for (int i = 0; i < buf.length; i++) {
      buf[i] = Math.max(buf[i], 0f);
    }
    WindowRows.scalar().weightedSum(buf, tap, ones, 0, 9, y, 0, 2);
    // rows 1..2 (3 is padding), cols 0..1 (-1 is padding) then 1..3: 5+6+9+10 and 6+7+8+10+11+12
    assertThat(y).containsExactly(30, 54);
  }

  @Test
  void tiledUnfoldEqualsTheWholeUnfold() {
    int[] in = {1, 5, 7};
    int[] k = {1, 3, 2};
    int[] s = {1, 2, 1};
    int[] pad = {0, 1, 1};
    int[] dil = {1, 1, 2};
    int[] out = {1, 3, 6};
    float[] x = new float[2 * 35];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    float[] whole = new float[2 * 6 * 18];
    Im2col.unfold(x, 0, 0, 2, in, k, s, pad, dil, out, whole);
    for (int from = 0; from < 18; from += 5) {
      int to = Math.min(18, from + 5);
      float[] tile = new float[12 * (to - from)];
      Im2col.unfoldTile(x, 0, 0, 2, in, k, s, pad, dil, out, from, to, tile, 0);
      for (int r = 0; r < 12; r++) {
        for (int c = from; c < to; c++) {
          assertThat(tile[r * (to - from) + c - from]).as("row %d col %d", r, c).isEqualTo(whole[r * 18 + c]);
        }
      }
    }
    // row 0 is tap (kh 0, kw 0) of channel 0: input row 2·oh − 1, column ow − 1
    assertThat(Arrays.copyOfRange(whole, 0, 12)).containsExactly(0, 0, 0, 0, 0, 0, 0, 8, 9, 10, 11, 12);
  }

  @Test
  void conv3x3MatchesTheScalarReference() {
    SplittableRandom rnd = new SplittableRandom(8);
    int[] sizes = {1, 2, 3, 5, 7, 14, 15, 16, 17, 31, 33, 50};
    float[][] clamps = {{Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}, {0f, 6f}, {-0.5f, 0.25f}};
    for (int h : new int[] {1, 3, 7, 12}) {
      for (int wd : sizes) {
        for (int stride = 1; stride <= 2; stride++) {
          for (int pad = 0; pad < 3; pad++) {
            int padT = pad;
            int padL = (pad + 1) % 3;
            int padB = 2 - pad;
            int padR = pad;
            int outH = (h + padT + padB - 3) / stride + 1;
            int outW = (wd + padL + padR - 3) / stride + 1;
            if (h + padT + padB < 3 || wd + padL + padR < 3) {
              continue;
            }
            float[] clamp = clamps[rnd.nextInt(clamps.length)];
            // the plane sits between NaNs: a read outside it would show in the result
            int xOff = 37;
            float[] x = new float[xOff + h * wd + 41];
            Arrays.fill(x, Float.NaN);
            for (int i = 0; i < h * wd; i++) {
              x[xOff + i] = (float) rnd.nextDouble(-2, 2);
            }
            float[] w = new float[12];
            for (int i = 0; i < w.length; i++) {
              w[i] = (float) rnd.nextDouble(-1, 1);
            }
            float[] bias = {0f, (float) rnd.nextDouble(-1, 1), (float) rnd.nextDouble(-1, 1)};
            float[] y = new float[outH * outW + 9];
            Arrays.fill(y, -7f);
            float[] expected = y.clone();
            float[] scratch = new float[WindowRows.ops().conv3x3Scratch(wd, padL, outH, outW, stride)];
            Arrays.fill(scratch, Float.NaN);
            WindowRows.ops().conv3x3(x, xOff, h, wd, stride, padT, padL, w, 3, bias, 1, clamp[0],
                clamp[1], y, 4, outH, outW, 1, scratch);
            WindowRows.scalar().conv3x3(x, xOff, h, wd, stride, padT, padL, w, 3, bias, 1,
                clamp[0], clamp[1], expected, 4, outH, outW, 1, new float[0]);
            assertThat(y).as("conv3x3 %dx%d stride %d pads %d,%d,%d,%d", h, wd, stride, padT, padL,
                padB, padR).containsExactly(expected);
          }
        }
      }
    }
  }

  @Test
  void conv3x3HandComputed() {
    // 3x4 plane 1..12, all-ones kernel, pad 1: each output sums its in-plane 3x3 neighbourhood
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    float[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    float[] y = new float[12];
    for (WindowRowOps ops : new WindowRowOps[] {WindowRows.ops(), WindowRows.scalar()}) {
      float[] scratch = new float[Math.max(ops.conv3x3Scratch(4, 1, 3, 4, 1),
          ops.conv3x3Scratch(4, 1, 2, 2, 2))];
      ops.conv3x3(x, 0, 3, 4, 1, 1, 1, ones, 0, new float[] {0.5f}, 0, Float.NEGATIVE_INFINITY,
          Float.POSITIVE_INFINITY, y, 0, 3, 4, 1, scratch);
      assertThat(y).containsExactly(14.5f, 24.5f, 30.5f, 22.5f, 33.5f, 54.5f, 63.5f, 45.5f, 30.5f,
          48.5f, 54.5f, 38.5f);
      // stride 2: outputs at (0,0), (0,2), (2,0), (2,2), clamped to [0, 30]
      float[] y2 = new float[4];
      ops.conv3x3(x, 0, 3, 4, 2, 1, 1, ones, 0, null, 0, 0f, 30f, y2, 0, 2, 2, 1, scratch);
      assertThat(y2).containsExactly(14f, 30f, 30f, 30f);
    }
  }

  @Test
  void conv3x3OverSeveralPlanesMatchesTheScalarReference() {
    SplittableRandom rnd = new SplittableRandom(9);
    for (int[] g : new int[][] {{7, 7, 1}, {14, 14, 1}, {14, 14, 2}, {5, 19, 1}, {9, 33, 2},
        {28, 28, 1}, {56, 56, 1}, {60, 60, 1}, {28, 28, 2}, {56, 56, 2}, {7, 7, 2},
        {100, 100, 2}}) {
      int h = g[0];
      int wd = g[1];
      int stride = g[2];
      int outH = (h - 1) / stride + 1;
      int outW = (wd - 1) / stride + 1;
      int planes = 5;
      float[] x = new float[planes * h * wd];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) rnd.nextDouble(-2, 2);
      }
      float[] w = new float[9 * planes];
      float[] bias = new float[planes + 1];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) rnd.nextDouble(-1, 1);
      }
      for (int i = 0; i < bias.length; i++) {
        bias[i] = (float) rnd.nextDouble(-1, 1);
      }
      float[] y = new float[planes * outH * outW];
      float[] expected = new float[y.length];
      float[] scratch = new float[WindowRows.ops().conv3x3Scratch(wd, 1, outH, outW, stride)];
      WindowRows.ops().conv3x3(x, 0, h, wd, stride, 1, 1, w, 0, bias, 1, 0f, 6f, y, 0, outH, outW,
          planes, scratch);
      WindowRows.scalar().conv3x3(x, 0, h, wd, stride, 1, 1, w, 0, bias, 1, 0f, 6f, expected, 0,
          outH, outW, planes, scratch);
      assertThat(y).as("%dx%d stride %d", h, wd, stride).containsExactly(expected);
    }
  }
}
