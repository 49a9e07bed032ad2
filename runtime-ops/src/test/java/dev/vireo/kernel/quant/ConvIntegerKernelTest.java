package dev.vireo.kernel.quant;

import static dev.vireo.kernel.quant.MatMulIntegerKernelTest.u8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConvIntegerKernelTest {
  @Test
  void paddingContributesTheZeroPoint() {
    Tensor x = u8(Shape.of(1, 1, 3), 2, 3, 4);
    Tensor w = u8(Shape.of(1, 1, 2), 1, 2);
    Tensor y = KernelHarness.op("ConvInteger", 10).ints("pads", 1, 0)
        .run1(x, w, u8(Shape.SCALAR, 1), u8(Shape.SCALAR, 0));
    // x - 1 = [1, 2, 3] padded left with 0: [0,1]·[1,2] = 2, [1,2]·[1,2] = 5, [2,3]·[1,2] = 8
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 3));
    assertThat(y.ints()).containsExactly(2, 5, 8);
  }

  @Test
  void largeProductsStayExact() {
    int k = 300;
    int[] full = new int[k];
    java.util.Arrays.fill(full, 255);
    Tensor x = u8(Shape.of(1, k, 1, 1), full);
    Tensor w = u8(Shape.of(1, k, 1, 1), full);
    Tensor y = KernelHarness.op("ConvInteger", 10).run1(x, w);
    // 300 · 255² = 19 507 500 exceeds 2^24, where float sums would round
    assertThat(y.ints()).containsExactly(19_507_500);
  }

  /**
   * 2-D convolutions with groups, strides, padding and extreme zero points against a direct
   * nested-loop sum, for few and many output channels per group (both int8 GEMM paths).
   */
  @Test
  void matchesDirectConvolution() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(21);
    int[][] cases = {{3, 5, 1, 3, 1, 1}, {4, 26, 2, 3, 2, 0}, {8, 16, 1, 1, 1, 0}, {2, 4, 2, 3, 1, 2}};
    for (int[] cs : cases) {
      for (boolean unsigned : new boolean[] {true, false}) {
        int c = cs[0];
        int m = cs[1];
        int g = cs[2];
        int kk = cs[3];
        int stride = cs[4];
        int pad = cs[5];
        int h = 7;
        int wd = 6;
        int xz = unsigned ? (rnd.nextBoolean() ? 0 : 255) : (rnd.nextBoolean() ? -128 : 127);
        int wz = unsigned ? 255 : -128;
        int[] xv = new int[c * h * wd];
        int[] wv = new int[m * (c / g) * kk * kk];
        for (int i = 0; i < xv.length; i++) {
          xv[i] = unsigned ? rnd.nextInt(256) : rnd.nextInt(256) - 128;
        }
        for (int i = 0; i < wv.length; i++) {
          wv[i] = unsigned ? rnd.nextInt(256) : rnd.nextInt(256) - 128;
        }
        Tensor x = unsigned ? u8(Shape.of(1, c, h, wd), xv)
            : MatMulIntegerKernelTest.i8(Shape.of(1, c, h, wd), xv);
        Tensor w = unsigned ? u8(Shape.of(m, c / g, kk, kk), wv)
            : MatMulIntegerKernelTest.i8(Shape.of(m, c / g, kk, kk), wv);
        Tensor xzt = unsigned ? u8(Shape.SCALAR, xz) : MatMulIntegerKernelTest.i8(Shape.SCALAR, xz);
        Tensor wzt = unsigned ? u8(Shape.SCALAR, wz) : MatMulIntegerKernelTest.i8(Shape.SCALAR, wz);
        Tensor y = KernelHarness.op("ConvInteger", 10).ints("pads", pad, pad, pad, pad)
            .ints("strides", stride, stride).attr("group", g).run1(x, w, xzt, wzt);
        int oh = (h + 2 * pad - kk) / stride + 1;
        int ow = (wd + 2 * pad - kk) / stride + 1;
        assertThat(y.shape()).isEqualTo(Shape.of(1, m, oh, ow));
        int cg = c / g;
        for (int oc = 0; oc < m; oc++) {
          int grp = oc / (m / g);
          for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
              int sum = 0;
              for (int ic = 0; ic < cg; ic++) {
                for (int ky = 0; ky < kk; ky++) {
                  for (int kx = 0; kx < kk; kx++) {
                    int iy = oy * stride - pad + ky;
                    int ix = ox * stride - pad + kx;
                    int xval = iy < 0 || iy >= h || ix < 0 || ix >= wd ? xz
                        : xv[((grp * cg + ic) * h + iy) * wd + ix];
                    sum += (xval - xz) * (wv[((oc * cg + ic) * kk + ky) * kk + kx] - wz);
                  }
                }
              }
              assertThat(y.ints()[(oc * oh + oy) * ow + ox])
                  .as("case %s unsigned=%s (%d,%d,%d)", java.util.Arrays.toString(cs), unsigned, oc, oy, ox)
                  .isEqualTo(sum);
            }
          }
        }
      }
    }
  }
}
