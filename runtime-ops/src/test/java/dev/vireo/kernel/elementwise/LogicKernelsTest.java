package dev.vireo.kernel.elementwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Comparisons, boolean logic, Where, and the narrow/unsigned integer paths. */
class LogicKernelsTest {
  private static final Tensor A = Tensor.of(new float[] {1, 2, 3}, 3);
  private static final Tensor TWO = Tensor.of(new float[] {2}, 1);

  @Test
  void comparisonsBroadcastToBool() {
    assertThat(KernelHarness.op("Equal", 13).run1(A, TWO).booleans()).containsExactly(false, true, false);
    assertThat(KernelHarness.op("Less", 13).run1(A, TWO).booleans()).containsExactly(true, false, false);
    assertThat(KernelHarness.op("Greater", 13).run1(A, TWO).booleans()).containsExactly(false, false, true);
    assertThat(KernelHarness.op("LessOrEqual", 16).run1(A, TWO).booleans()).containsExactly(true, true, false);
    assertThat(KernelHarness.op("GreaterOrEqual", 16).run1(A, TWO).booleans())
        .containsExactly(false, true, true);
    Tensor col = Tensor.of(new long[] {1, 3}, 2, 1);
    Tensor row = Tensor.of(new long[] {1, 2, 3}, 3);
    Tensor eq = KernelHarness.op("Equal", 13).run1(col, row);
    assertThat(eq.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(eq.booleans()).containsExactly(true, false, false, false, false, true);
    Tensor nan = Tensor.of(new float[] {Float.NaN}, 1);
    assertThat(KernelHarness.op("Equal", 13).run1(nan, nan).booleans()).containsExactly(false);
  }

  @Test
  void stringEqualityAndLogic() {
    Tensor s = Tensor.of(new String[] {"a", "b"}, 2);
    Tensor t = Tensor.of(new String[] {"a"}, 1);
    assertThat(KernelHarness.op("Equal", 19).run1(s, t).booleans()).containsExactly(true, false);
    Tensor p = Tensor.of(new boolean[] {true, true, false, false}, 4);
    Tensor q = Tensor.of(new boolean[] {true, false, true, false}, 4);
    assertThat(KernelHarness.op("And", 7).run1(p, q).booleans()).containsExactly(true, false, false, false);
    assertThat(KernelHarness.op("Or", 7).run1(p, q).booleans()).containsExactly(true, true, true, false);
    assertThat(KernelHarness.op("Xor", 7).run1(p, q).booleans()).containsExactly(false, true, true, false);
    assertThat(KernelHarness.op("Not", 1).run1(p).booleans()).containsExactly(false, false, true, true);
  }

  @Test
  void whereSelectsWithThreeWayBroadcast() {
    Tensor c = Tensor.of(new boolean[] {true, false}, 2, 1);
    Tensor x = Tensor.of(new long[] {1, 2, 3}, 3);
    Tensor y = Tensor.scalar(-1L);
    Tensor w = KernelHarness.op("Where", 16).run1(c, x, y);
    assertThat(w.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(w.longs()).containsExactly(1, 2, 3, -1, -1, -1);
    Tensor ws = KernelHarness.op("Where", 16).run1(Tensor.of(new boolean[] {false, true}, 2),
        Tensor.of(new String[] {"x", "y"}, 2), Tensor.of(new String[] {"p", "q"}, 2));
    assertThat(ws.strings()).containsExactly("p", "y");
    assertThatThrownBy(() -> KernelHarness.op("Where", 16).run1(c, x, Tensor.scalar(1f)))
        .hasMessageContaining("differ in element type");
  }

  @Test
  void narrowAndUnsignedIntegersWrapAndCompareUnsigned() {
    Tensor a = Tensor.wrap(DType.UINT8, Shape.of(2), new byte[] {(byte) 250, 3});
    Tensor b = Tensor.wrap(DType.UINT8, Shape.of(2), new byte[] {10, 2});
    Tensor sum = KernelHarness.op("Add", 14).run1(a, b);
    assertThat(sum.dtype()).isEqualTo(DType.UINT8);
    // 250 + 10 wraps to 4
    assertThat(sum.bytes()).containsExactly(4, 5);
    assertThat(KernelHarness.op("Div", 14).run1(a, b).bytes()).containsExactly(25, 1);
    assertThat(KernelHarness.op("Greater", 13).run1(a, b).booleans()).containsExactly(true, true);
    Tensor big = Tensor.wrap(DType.UINT64, Shape.of(1), new long[] {-2L});
    Tensor two = Tensor.wrap(DType.UINT64, Shape.of(1), new long[] {2});
    // 2^64 - 2 is the larger number and halves to 2^63 - 1
    assertThat(KernelHarness.op("Greater", 13).run1(big, two).booleans()).containsExactly(true);
    assertThat(KernelHarness.op("Div", 14).run1(big, two).longs()).containsExactly(Long.MAX_VALUE);
    assertThat(KernelHarness.op("Max", 13).run1(big, two).longs()).containsExactly(-2L);
    Tensor i8 = Tensor.wrap(DType.INT8, Shape.of(2), new byte[] {-100, 100});
    assertThat(KernelHarness.op("Clip", 13).run1(i8, Tensor.wrap(DType.INT8, Shape.SCALAR, new byte[] {-5}),
        Tensor.wrap(DType.INT8, Shape.SCALAR, new byte[] {5})).bytes()).containsExactly(-5, 5);
  }
}
