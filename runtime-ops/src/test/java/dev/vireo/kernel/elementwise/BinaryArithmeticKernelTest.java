package dev.vireo.kernel.elementwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class BinaryArithmeticKernelTest {
  @Test
  void addSubMulDivSameShape() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor b = Tensor.of(new float[] {4, 3, 2, 1}, 2, 2);
    assertThat(KernelHarness.op("Add", 14).run1(a, b).floats()).containsExactly(5, 5, 5, 5);
    assertThat(KernelHarness.op("Sub", 14).run1(a, b).floats()).containsExactly(-3, -1, 1, 3);
    assertThat(KernelHarness.op("Mul", 14).run1(a, b).floats()).containsExactly(4, 6, 6, 4);
    assertThat(KernelHarness.op("Div", 14).run1(a, b).floats()).containsExactly(0.25f, 2f / 3, 1.5f, 4);
  }

  @Test
  void broadcastsBothWays() {
    Tensor col = Tensor.of(new float[] {10, 20}, 2, 1);
    Tensor row = Tensor.of(new float[] {1, 2, 3}, 3);
    Tensor y = KernelHarness.op("Add", 7).run1(col, row);
    assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(y.floats()).containsExactly(11, 12, 13, 21, 22, 23);
    Tensor z = KernelHarness.op("Sub", 7).run1(row, col);
    assertThat(z.floats()).containsExactly(-9, -8, -7, -19, -18, -17);
  }

  @Test
  void channelBiasOnNchw() {
    float[] x = new float[2 * 3 * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    Tensor y = KernelHarness.op("Add", 14)
        .run1(Tensor.of(x, 2, 3, 2), Tensor.of(new float[] {100, 200, 300}, 3, 1));
    assertThat(y.floats()).containsExactly(100, 101, 202, 203, 304, 305, 106, 107, 208, 209, 310, 311);
  }

  @Test
  void scalarsAndEmptyTensors() {
    Tensor s = Tensor.scalar(2f);
    assertThat(KernelHarness.op("Mul", 14).run1(s, s).shape()).isEqualTo(Shape.SCALAR);
    assertThat(KernelHarness.op("Mul", 14).run1(s, s).floats()).containsExactly(4f);
    Tensor empty = Tensor.of(new float[0], 0, 3);
    Tensor y = KernelHarness.op("Add", 14).run1(empty, Tensor.of(new float[] {1, 2, 3}, 3));
    assertThat(y.shape()).isEqualTo(Shape.of(0, 3));
  }

  @Test
  void integerTypesAndTruncatingDivision() {
    Tensor a = Tensor.of(new long[] {7, -7, 9}, 3);
    Tensor b = Tensor.of(new long[] {2, 2, -4}, 3);
    assertThat(KernelHarness.op("Div", 14).run1(a, b).longs()).containsExactly(3, -3, -2);
    Tensor ai = Tensor.of(new int[] {7, -7}, 2);
    Tensor bi = Tensor.of(new int[] {3}, 1);
    assertThat(KernelHarness.op("Mul", 14).run1(ai, bi).ints()).containsExactly(21, -21);
    Tensor ad = Tensor.of(new double[] {1.5}, 1);
    assertThat(KernelHarness.op("Add", 14).run1(ad, ad).doubles()).containsExactly(3.0);
  }

  @Test
  void integerDivisionByZeroIsAnError() {
    Tensor a = Tensor.of(new int[] {1, 2}, 2);
    Tensor b = Tensor.of(new int[] {1, 0}, 2);
    assertThatThrownBy(() -> KernelHarness.op("Div", 14).run1(a, b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Div: integer division by zero (A i32[2], B i32[2])");
  }

  @Test
  void incompatibleShapesNameBoth() {
    Tensor a = Tensor.of(new float[6], 2, 3);
    Tensor b = Tensor.of(new float[4], 4);
    assertThatThrownBy(() -> KernelHarness.op("Add", 14).run1(a, b))
        .hasMessageContaining("cannot broadcast shapes [2,3] and [4]");
  }

  @Test
  void mixedElementTypesAreRejected() {
    Tensor a = Tensor.of(new float[] {1}, 1);
    Tensor b = Tensor.of(new long[] {1}, 1);
    assertThatThrownBy(() -> KernelHarness.op("Add", 14).run1(a, b))
        .hasMessage("Add: element types differ: A f32[1], B i64[1]");
  }

  @Test
  void powAcceptsAnExponentOfAnotherType() {
    Tensor base = Tensor.of(new float[] {2, 3, 4}, 3);
    Tensor e = Tensor.of(new long[] {3}, 1);
    assertThat(KernelHarness.op("Pow", 15).run1(base, e).floats()).containsExactly(8, 27, 64);
    Tensor ib = Tensor.of(new long[] {2, -3}, 2);
    assertThat(KernelHarness.op("Pow", 15).run1(ib, Tensor.of(new long[] {3}, 1)).longs())
        .containsExactly(8, -27);
  }

  @Test
  void maxAndMinAreVariadic() {
    Tensor a = Tensor.of(new float[] {3, 2, 1}, 3);
    Tensor b = Tensor.of(new float[] {1, 5, 2}, 3);
    Tensor c = Tensor.of(new float[] {2}, 1);
    assertThat(KernelHarness.op("Max", 13).run1(a, b, c).floats()).containsExactly(3, 5, 2);
    assertThat(KernelHarness.op("Min", 13).run1(a, b, c).floats()).containsExactly(1, 2, 1);
    assertThat(KernelHarness.op("Max", 13).run1(a).floats()).containsExactly(3, 2, 1);
    assertThat(KernelHarness.op("Max", 13).run1(Tensor.of(new float[] {Float.NaN}, 1), c).floats()[0]).isNaN();
  }

  @Test
  void beforeOpset7BroadcastAlignsBAtAxis() {
    Tensor a = Tensor.of(new float[] {0, 0, 0, 0, 0, 0}, 2, 3);
    // axis 0: B [2] runs along A's first dim (numpy would align it with the last)
    Tensor y = KernelHarness.op("Add", 6).attr("broadcast", 1L).attr("axis", 0L)
        .run1(a, Tensor.of(new float[] {1, 2}, 2));
    assertThat(y.floats()).containsExactly(1, 1, 1, 2, 2, 2);
    // without axis, B aligns with A's trailing dims
    Tensor z = KernelHarness.op("Mul", 6).attr("broadcast", 1L)
        .run1(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), Tensor.of(new float[] {1, 10, 100}, 3));
    assertThat(z.floats()).containsExactly(1, 20, 300, 4, 50, 600);
    assertThatThrownBy(() -> KernelHarness.op("Add", 6).attr("broadcast", 1L).attr("axis", 1L)
        .run1(a, Tensor.of(new float[] {1, 2}, 1, 2)))
        .hasMessage("Add: B f32[1,2] cannot broadcast to A f32[2,3] at axis 1");
  }

  @Test
  void float16RoundsBackToHalf() {
    Tensor a = Tensor.wrap(DType.FLOAT16, Shape.of(2), new short[] {
        Float16.floatToHalf(1f), Float16.floatToHalf(2048f)});
    Tensor b = Tensor.wrap(DType.FLOAT16, Shape.of(1), new short[] {Float16.floatToHalf(1f)});
    Tensor y = KernelHarness.op("Add", 14).run1(a, b);
    assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(Float16.halfToFloat(y.shorts()[0])).isEqualTo(2f);
    // 2049 is not a half: ties to even gives 2048
    assertThat(Float16.halfToFloat(y.shorts()[1])).isEqualTo(2048f);
  }

  @Test
  void largeInputsSplitAcrossThreadsAgree() {
    int n = 100_000;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    Tensor a = Tensor.of(x, 10, n / 10);
    Tensor b = Tensor.of(new float[] {1}, 1);
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      Tensor y = KernelHarness.op("Add", 14).kernel(a, b).run(new Tensor[] {a, b}, new ExecContext(2, pool))[0];
      for (int i = 0; i < n; i++) {
        assertThat(y.floats()[i]).isEqualTo(i + 1f);
      }
    } finally {
      pool.shutdown();
    }
  }
}
