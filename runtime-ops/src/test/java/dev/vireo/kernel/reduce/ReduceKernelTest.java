package dev.vireo.kernel.reduce;

import static dev.vireo.kernel.NodeRunner.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReduceKernelTest {
  /** The spec's example data: shape [3,2,2], values 1..12 (ReduceSum's example uses these). */
  private static final Tensor X = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 3, 2, 2);
  private static final float CLOSE = 1e-5f;

  private static Tensor axes(long... a) {
    return Tensor.of(a, a.length);
  }

  private static List<Attribute> keep(long k) {
    return List.of(Attribute.of("keepdims", k));
  }

  @Test
  void sumOverAxis1KeepDimsFromInputAtOpset13() {
    Tensor y = run1("ReduceSum", 13, keep(1), X, axes(1));
    assertThat(y.shape()).isEqualTo(Shape.of(3, 1, 2));
    assertThat(y.floats()).containsExactly(4, 6, 12, 14, 20, 22);
  }

  @Test
  void sumWithAxesAttributeBeforeOpset13() {
    Tensor y = run1("ReduceSum", 11, List.of(Attribute.ints("axes", -2), Attribute.of("keepdims", 0L)), X);
    assertThat(y.shape()).isEqualTo(Shape.of(3, 2));
    assertThat(y.floats()).containsExactly(4, 6, 12, 14, 20, 22);
  }

  @Test
  void otherKindsTakeTheAxesAttributeUntilOpset18() {
    Tensor y = run1("ReduceMean", 17, List.of(Attribute.ints("axes", 0, 2), Attribute.of("keepdims", 0L)), X);
    assertThat(y.floats()).containsExactly(33 / 6f, 45 / 6f);
    // opset 18 reads input 1 instead: without it every axis is reduced
    assertThat(run1("ReduceMean", 18, List.of(Attribute.ints("axes", 0)), X).floats()).containsExactly(6.5f);
  }

  @Test
  void nonTrailingAxesAreReducedInOrder() {
    // axes {0, 2}: kept axis 1 lies between reduced ones
    Tensor y = run1("ReduceSum", 13, keep(0), X, axes(0, 2));
    assertThat(y.floats()).containsExactly(1 + 2 + 5 + 6 + 9 + 10, 3 + 4 + 7 + 8 + 11 + 12);
    Tensor m = run1("ReduceMax", 18, keep(1), X, axes(0));
    assertThat(m.shape()).isEqualTo(Shape.of(1, 2, 2));
    assertThat(m.floats()).containsExactly(9, 10, 11, 12);
  }

  @Test
  void noAxesReducesEverythingUnlessNoop() {
    Tensor all = run1("ReduceSum", 13, keep(1), X);
    assertThat(all.shape()).isEqualTo(Shape.of(1, 1, 1));
    assertThat(all.floats()).containsExactly(78);
    Tensor noop = run1("ReduceSum", 13, List.of(Attribute.of("noop_with_empty_axes", 1L)), X, axes());
    assertThat(noop.shape()).isEqualTo(X.shape());
    assertThat(noop.floats()).containsExactly(X.floats());
    // the composite reductions still apply their element-wise steps
    Tensor sq = run1("ReduceSumSquare", 18, List.of(Attribute.of("noop_with_empty_axes", 1L)), X);
    assertThat(sq.floats()[3]).isEqualTo(16);
    Tensor log = run1("ReduceLogSum", 18, List.of(Attribute.of("noop_with_empty_axes", 1L)), X);
    assertThat(log.floats()[1]).isCloseTo((float) Math.log(2), within(CLOSE));
  }

  @Test
  void everyKindOnTheLastAxis() {
    Tensor x = Tensor.of(new float[] {1, -2, 3, 0.5f, 2, -1}, 2, 3);
    assertThat(reduce("ReduceSum", x)).containsExactly(2, 1.5f);
    assertThat(reduce("ReduceMean", x)).containsExactly(2 / 3f, 0.5f);
    assertThat(reduce("ReduceMax", x)).containsExactly(3, 2);
    assertThat(reduce("ReduceMin", x)).containsExactly(-2, -1);
    assertThat(reduce("ReduceProd", x)).containsExactly(-6, -1);
    assertThat(reduce("ReduceL1", x)).containsExactly(6, 3.5f);
    assertThat(reduce("ReduceL2", x)).containsExactly((float) Math.sqrt(14), (float) Math.sqrt(5.25));
    assertThat(reduce("ReduceSumSquare", x)).containsExactly(14, 5.25f);
    assertThat(reduce("ReduceLogSum", x)[0]).isCloseTo((float) Math.log(2), within(CLOSE));
    float lse = (float) Math.log(Math.exp(1) + Math.exp(-2) + Math.exp(3));
    assertThat(reduce("ReduceLogSumExp", x)[0]).isCloseTo(lse, within(CLOSE));
  }

  private static float[] reduce(String op, Tensor x) {
    return run1(op, 18, keep(0), x, axes(-1)).floats();
  }

  @Test
  void logSumExpDoesNotOverflowForLargeInputs() {
    Tensor x = Tensor.of(new float[] {1000, 1000}, 2);
    assertThat(run1("ReduceLogSumExp", 18, keep(0), x).floats()[0])
        .isCloseTo(1000 + (float) Math.log(2), within(1e-3f));
  }

  @Test
  void emptySetsGiveTheSpecValues() {
    Tensor empty = Tensor.of(new float[0], 2, 0, 4);
    assertThat(run1("ReduceSum", 13, keep(1), empty, axes(1)).floats()).containsOnly(0f).hasSize(8);
    assertThat(run1("ReduceProd", 18, keep(1), empty, axes(1)).floats()).containsOnly(1f);
    assertThat(run1("ReduceMax", 18, keep(1), empty, axes(1)).floats()).containsOnly(Float.NEGATIVE_INFINITY);
    assertThat(run1("ReduceMin", 18, keep(1), empty, axes(1)).floats()).containsOnly(Float.POSITIVE_INFINITY);
    assertThat(run1("ReduceLogSum", 18, keep(1), empty, axes(1)).floats()).containsOnly(Float.NEGATIVE_INFINITY);
    assertThat(run1("ReduceLogSumExp", 18, keep(1), empty, axes(1)).floats()).containsOnly(Float.NEGATIVE_INFINITY);
    assertThat(run1("ReduceL2", 18, keep(1), empty, axes(1)).floats()).containsOnly(0f);
    Tensor ints = Tensor.of(new int[0], 0, 3);
    assertThat(run1("ReduceMax", 18, keep(0), ints, axes(0)).ints()).containsExactly(Integer.MIN_VALUE,
        Integer.MIN_VALUE, Integer.MIN_VALUE);
    assertThat(run1("ReduceMin", 18, keep(0), ints, axes(0)).ints()).containsOnly(Integer.MAX_VALUE);
    // a zero-sized kept axis gives an empty output
    Tensor y = run1("ReduceSum", 13, keep(1), Tensor.of(new float[0], 0, 3), axes(1));
    assertThat(y.shape()).isEqualTo(Shape.of(0, 1));
  }

  @Test
  void integerTypesWrapAndCompareWithTheirSignedness() {
    Tensor i32 = Tensor.of(new int[] {Integer.MAX_VALUE, 1, 7, -3}, 2, 2);
    assertThat(run1("ReduceSum", 13, keep(0), i32, axes(1)).ints()).containsExactly(Integer.MIN_VALUE, 4);
    assertThat(run1("ReduceMean", 18, keep(0), i32, axes(0)).ints()).containsExactly(
        (int) (((long) Integer.MAX_VALUE + 7) / 2), -1);
    Tensor u64 = Tensor.wrap(DType.UINT64, Shape.of(3), new long[] {5, -1L, 7});
    assertThat(run1("ReduceMax", 18, keep(0), u64).longs()).containsExactly(-1L);
    assertThat(run1("ReduceMin", 18, keep(0), u64).longs()).containsExactly(5L);
    Tensor u8 = Tensor.wrap(DType.UINT8, Shape.of(2), new byte[] {(byte) 200, 3});
    assertThat(Byte.toUnsignedInt(run1("ReduceMax", 18, keep(0), u8).bytes()[0])).isEqualTo(200);
    Tensor b = Tensor.of(new boolean[] {false, true, false, false}, 2, 2);
    assertThat(run1("ReduceMax", 20, keep(0), b, axes(1)).booleans()).containsExactly(true, false);
    assertThat(run1("ReduceMin", 20, keep(0), b, axes(0)).booleans()).containsExactly(false, false);
  }

  @Test
  void halfAndDoubleTypesKeepTheirType() {
    short[] h = {Float16.floatToHalf(1.5f), Float16.floatToHalf(2.5f)};
    Tensor y = run1("ReduceSum", 13, keep(0), Tensor.wrap(DType.FLOAT16, Shape.of(2), h));
    assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(Float16.halfToFloat(y.shorts()[0])).isEqualTo(4f);
    Tensor d = run1("ReduceL2", 18, keep(0), Tensor.of(new double[] {3, 4}, 2));
    assertThat(d.doubles()).containsExactly(5.0);
  }

  @Test
  void scalarInputReducesToItself() {
    assertThat(run1("ReduceMean", 18, keep(1), Tensor.scalar(4f)).floats()).containsExactly(4);
  }

  @Test
  void rejectsAxesOutOfRangeAndRepeated() {
    assertThatThrownBy(() -> run1("ReduceSum", 13, keep(1), X, axes(3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range for rank 3");
    assertThatThrownBy(() -> run1("ReduceMax", 18, keep(1), X, axes(1, -2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat");
  }

  @Test
  void poolSplitMatchesSingleThreaded() {
    java.util.Random rnd = new java.util.Random(1);
    float[] v = new float[64 * 2000];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextFloat();
    }
    Tensor x = Tensor.of(v, 64, 2000);
    var n = dev.vireo.kernel.NodeRunner.node("ReduceMean", 18, 2, 1, Attribute.of("keepdims", 0L));
    var k = new ReduceKernel(n, ReduceKind.MEAN, true);
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2);
    try {
      Tensor[] in = {x, axes(0)};
      float[] par = k.run(in, new dev.vireo.exec.ExecContext(2, pool))[0].floats();
      float[] seq = k.run(in, dev.vireo.exec.ExecContext.singleThreaded())[0].floats();
      assertThat(par).hasSize(2000).containsExactly(seq);
      double col0 = 0;
      for (int i = 0; i < 64; i++) {
        col0 += v[i * 2000];
      }
      assertThat(par[0]).isCloseTo((float) (col0 / 64), within(CLOSE));
    } finally {
      pool.shutdown();
    }
  }
}
