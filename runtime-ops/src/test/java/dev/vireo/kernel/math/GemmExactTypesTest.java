package dev.vireo.kernel.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.kernel.Tensors;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gemm and MatMul on f64 and the 32/64-bit integer types. */
class GemmExactTypesTest {
  /** f64 and f32 results of the same f32-representable inputs differ by f32 rounding only. */
  private static final double CLOSE = 1e-5;

  @Test
  void gemmF64MatchesF32WithTransposesAndBias() {
    Random r = new Random(7);
    Tensor a = Tensors.random(r, 4, 3);
    Tensor b = Tensors.random(r, 5, 4);
    Tensor c = Tensors.random(r, 1, 5);
    Tensor want = gemm().run1(a, b, c);
    Tensor got = gemm().run1(toDouble(a), toDouble(b), toDouble(c));
    assertThat(got.dtype()).isEqualTo(DType.DOUBLE);
    assertThat(got.shape()).isEqualTo(Shape.of(3, 5));
    for (int i = 0; i < 15; i++) {
      assertThat(got.doubles()[i]).isCloseTo(want.floats()[i], within(CLOSE));
    }
  }

  @Test
  void gemmF64KeepsDoublePrecision() {
    Tensor a = Tensor.of(new double[] {1 + 1e-12, 2}, 1, 2);
    Tensor b = Tensor.of(new double[] {1, 1}, 2, 1);
    Tensor y = KernelHarness.op("Gemm", 13).run1(a, b);
    assertThat(y.doubles()[0]).isEqualTo(3 + 1e-12);
  }

  @Test
  void gemmInt32AndInt64HandComputed() {
    // [[1,2],[3,4]] x [[5,6],[7,8]] = [[19,22],[43,50]], + C [10, 20]
    Tensor a = Tensor.of(new int[] {1, 2, 3, 4}, 2, 2);
    Tensor b = Tensor.of(new int[] {5, 6, 7, 8}, 2, 2);
    Tensor c = Tensor.of(new int[] {10, 20}, 2);
    Tensor y = KernelHarness.op("Gemm", 13).run1(a, b, c);
    assertThat(y.dtype()).isEqualTo(DType.INT32);
    assertThat(y.ints()).containsExactly(29, 42, 53, 70);

    Tensor a64 = Tensor.of(new long[] {1, 3, 2, 4}, 2, 2);
    Tensor y64 = KernelHarness.op("Gemm", 13).attr("transA", 1L).attr("alpha", 2f).attr("beta", 0.5f)
        .run1(a64, Tensor.of(new long[] {5, 6, 7, 8}, 2, 2), Tensor.of(new long[] {3}, 1));
    // 2·[[19,22],[43,50]] + 1.5, truncated toward zero
    assertThat(y64.longs()).containsExactly(39L, 45L, 87L, 101L);
  }

  @Test
  void unsignedGemmAndMatMulWrapLikeTheirWidth() {
    // u32: 0xFFFFFFFF · 2 = 2^33 - 2 ≡ 0xFFFFFFFE (mod 2^32)
    Tensor a = Tensor.wrap(DType.UINT32, Shape.of(1, 1), new int[] {-1});
    Tensor b = Tensor.wrap(DType.UINT32, Shape.of(1, 1), new int[] {2});
    assertThat(KernelHarness.op("Gemm", 13).run1(a, b).ints()).containsExactly(-2);
    assertThat(KernelHarness.op("MatMul", 13).run1(a, b).ints()).containsExactly(-2);
    Tensor a64 = Tensor.wrap(DType.UINT64, Shape.of(1, 2), new long[] {1L << 63, 3L});
    Tensor b64 = Tensor.wrap(DType.UINT64, Shape.of(2, 1), new long[] {1L, 5L});
    Tensor y = KernelHarness.op("MatMul", 13).run1(a64, b64);
    assertThat(y.dtype()).isEqualTo(DType.UINT64);
    assertThat(y.longs()).containsExactly((1L << 63) + 15L);
  }

  private static KernelHarness gemm() {
    return KernelHarness.op("Gemm", 13).attr("transA", 1L).attr("transB", 1L).attr("alpha", 0.5f)
        .attr("beta", 2f);
  }

  private static Tensor toDouble(Tensor f) {
    float[] s = f.floats();
    double[] d = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      d[i] = s[i];
    }
    return Tensor.of(d, f.shape().dims());
  }
}
