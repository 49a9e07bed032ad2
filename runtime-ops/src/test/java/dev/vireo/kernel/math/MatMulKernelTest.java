package dev.vireo.kernel.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.kernel.Tensors;
import dev.vireo.linalg.Broadcast;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatMulKernelTest {
  @Test
  void handComputed2x2() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor b = Tensor.of(new float[] {5, 6, 7, 8}, 2, 2);
    assertThat(KernelHarness.op("MatMul", 13).run1(a, b).floats()).containsExactly(19, 22, 43, 50);
  }

  @Test
  void vectorOperandsDropTheirDim() {
    Tensor v = Tensor.of(new float[] {1, 2}, 2);
    Tensor m = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor vm = KernelHarness.op("MatMul", 13).run1(v, m);
    assertThat(vm.shape()).isEqualTo(Shape.of(3));
    assertThat(vm.floats()).containsExactly(9, 12, 15);
    Tensor mv = KernelHarness.op("MatMul", 13).run1(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), v);
    assertThat(mv.shape()).isEqualTo(Shape.of(3));
    assertThat(mv.floats()).containsExactly(5, 11, 17);
    Tensor vv = KernelHarness.op("MatMul", 13).run1(v, v);
    assertThat(vv.shape()).isEqualTo(Shape.SCALAR);
    assertThat(vv.floats()).containsExactly(5);
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource(delimiter = ';', value = {
      "2,3,4,5;  5,6",
      "3,1,4,5;  2,5,6",
      "1,4,5;    3,5,6",
      "2,1,3,4;  1,5,4,2",
      "7,33;     33,65",
      "4;        2,4,3",
  })
  void batchedBroadcastMatchesNaive(String as, String bs) {
    int[] ad = parse(as);
    int[] bd = parse(bs);
    Random r = new Random(Arrays.hashCode(ad) * 31 + Arrays.hashCode(bd));
    Tensor a = Tensors.random(r, ad);
    Tensor b = Tensors.random(r, bd);
    Tensor expected = naive(a, b);
    Tensor y = KernelHarness.op("MatMul", 13).run1(a, b);
    assertThat(y.shape()).isEqualTo(expected.shape());
    for (int i = 0; i < y.size(); i++) {
      assertThat(y.floats()[i]).isCloseTo(expected.floats()[i], within(Tensors.CLOSE));
    }
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      Tensor yp = KernelHarness.op("MatMul", 13).kernel(a, b)
          .run(new Tensor[] {a, b}, new ExecContext(2, pool))[0];
      assertThat(yp.floats()).containsExactly(y.floats());
    } finally {
      pool.shutdown();
    }
  }

  @ParameterizedTest(name = "{0} x constant {1}")
  @CsvSource(delimiter = ';', value = {
      "3,70;     70,130",
      "2,5,33;   33,7",
      "33;       33,65",
      "1,1;      1,1",
      "200,300;  300,100",
  })
  void constantWeightIsPackedOnceAndMatchesNaive(String as, String bs) {
    int[] ad = parse(as);
    int[] bd = parse(bs);
    Random r = new Random(Arrays.hashCode(ad) + Arrays.hashCode(bd));
    Tensor a = Tensors.random(r, ad);
    Tensor b = Tensors.random(r, bd);
    Node node = KernelHarness.op("MatMul", 13).node(a, b);
    node.input(1).setInitializer(b);
    MatMulKernel kernel = new MatMulKernel(node);
    Tensor y = kernel.run(new Tensor[] {a, b}, ExecContext.singleThreaded())[0];
    assertClose(y, naive(a, b));
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      Tensor yp = kernel.run(new Tensor[] {a, b}, new ExecContext(2, pool))[0];
      assertThat(yp.floats()).containsExactly(y.floats());
    } finally {
      pool.shutdown();
    }
    // a B fed in place of the initializer is multiplied as given
    Tensor other = Tensors.random(r, bd);
    assertClose(kernel.run(new Tensor[] {a, other}, ExecContext.singleThreaded())[0], naive(a, other));
  }

  @Test
  void halfFloatConstantWeightIsPacked() {
    Random r = new Random(3);
    Tensor a = HalfFloats.narrow(ExecContext.singleThreaded(), Tensors.random(r, 5, 40), DType.FLOAT16);
    Tensor b = HalfFloats.narrow(ExecContext.singleThreaded(), Tensors.random(r, 40, 9), DType.FLOAT16);
    Node node = KernelHarness.op("MatMul", 13).node(a, b);
    node.input(1).setInitializer(b);
    Tensor y = new MatMulKernel(node).run(new Tensor[] {a, b}, ExecContext.singleThreaded())[0];
    Tensor plain = KernelHarness.op("MatMul", 13).run1(a, b);
    assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(y.data()).isEqualTo(plain.data());
  }

  @ParameterizedTest(name = "{0} x {1}, 2 threads")
  @CsvSource(delimiter = ';', value = {
      "2,3,16,32;   2,3,32,16",
      "2,3,16,16;   1,3,16,32",
      "4,4,128,64;  4,4,64,128",
      "2,256,128;   2,128,256",
      "3,1,20,8;    1,4,8,20",
  })
  void batchedProductsSplitAcrossThreadsMatchNaive(String as, String bs) {
    int[] ad = parse(as);
    int[] bd = parse(bs);
    Random r = new Random(Arrays.hashCode(ad) - Arrays.hashCode(bd));
    Tensor a = Tensors.random(r, ad);
    Tensor b = Tensors.random(r, bd);
    Tensor single = KernelHarness.op("MatMul", 13).run1(a, b);
    assertClose(single, naive(a, b));
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      Tensor yp = KernelHarness.op("MatMul", 13).kernel(a, b)
          .run(new Tensor[] {a, b}, new ExecContext(2, pool))[0];
      assertThat(yp.floats()).containsExactly(single.floats());
    } finally {
      pool.shutdown();
    }
  }

  private static void assertClose(Tensor y, Tensor expected) {
    assertThat(y.shape()).isEqualTo(expected.shape());
    for (int i = 0; i < y.size(); i++) {
      assertThat(y.floats()[i]).as("element %d", i).isCloseTo(expected.floats()[i], within(Tensors.CLOSE * 10));
    }
  }

  @Test
  void integerAndDoubleTypes() {
    Tensor a = Tensor.of(new long[] {1, 2, 3, 4}, 2, 2);
    Tensor b = Tensor.of(new long[] {5, 6, 7, 8}, 2, 2);
    assertThat(KernelHarness.op("MatMul", 13).run1(a, b).longs()).containsExactly(19, 22, 43, 50);
    Tensor ai = Tensor.of(new int[] {1, 2, 3, 4}, 2, 2);
    Tensor bi = Tensor.of(new int[] {5, 6, 7, 8}, 2, 2);
    assertThat(KernelHarness.op("MatMul", 13).run1(ai, bi).ints()).containsExactly(19, 22, 43, 50);
    Tensor ad = Tensor.of(new double[] {1, 2}, 1, 2);
    Tensor bd = Tensor.of(new double[] {3, 4}, 2, 1);
    assertThat(KernelHarness.op("MatMul", 13).run1(ad, bd).doubles()).containsExactly(11.0);
  }

  @Test
  void emptyInnerDimGivesZeros() {
    Tensor a = Tensor.of(new float[0], 2, 0);
    Tensor b = Tensor.of(new float[0], 0, 3);
    Tensor y = KernelHarness.op("MatMul", 13).run1(a, b);
    assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(y.floats()).containsOnly(0f);
  }

  @Test
  void innerDimensionMismatchNamesBothShapes() {
    Tensor a = Tensor.of(new float[1 * 128 * 768], 1, 128, 768);
    Tensor b = Tensor.of(new float[512 * 768], 512, 768);
    assertThatThrownBy(() -> KernelHarness.op("MatMul", 13).run1(a, b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inner dimensions differ: A f32[1,128,768] x B f32[512,768]");
  }

  @Test
  void batchMismatchIsAnError() {
    Tensor a = Tensor.of(new float[2 * 4], 2, 2, 2);
    Tensor b = Tensor.of(new float[3 * 4], 3, 2, 2);
    assertThatThrownBy(() -> KernelHarness.op("MatMul", 13).run1(a, b))
        .hasMessageContaining("batch dimensions do not broadcast: A f32[2,2,2] x B f32[3,2,2]");
  }

  /** numpy matmul by definition: promote vectors, broadcast batches, triple loop. */
  static Tensor naive(Tensor a, Tensor b) {
    int[] ad = a.shape().dims();
    int[] bd = b.shape().dims();
    int[] am = ad.length == 1 ? new int[] {1, ad[0]} : ad;
    int[] bm = bd.length == 1 ? new int[] {bd[0], 1} : bd;
    int m = am[am.length - 2];
    int k = am[am.length - 1];
    int n = bm[bm.length - 1];
    int[] ab = Arrays.copyOf(am, am.length - 2);
    int[] bb = Arrays.copyOf(bm, bm.length - 2);
    int[] batch = Broadcast.shape(ab, bb);
    int nb = Shape.of(batch).size();
    float[] out = new float[nb * m * n];
    int[] idx = new int[batch.length];
    for (int q = 0; q < nb; q++) {
      int rem = q;
      for (int d = batch.length - 1; d >= 0; d--) {
        idx[d] = rem % batch[d];
        rem /= batch[d];
      }
      int aIdx = flat(idx, ab);
      int bIdx = flat(idx, bb);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int p = 0; p < k; p++) {
            s += a.floats()[(aIdx * m + i) * k + p] * b.floats()[(bIdx * k + p) * n + j];
          }
          out[(q * m + i) * n + j] = (float) s;
        }
      }
    }
    int[] od = Arrays.copyOf(batch, batch.length + 2);
    od[batch.length] = m;
    od[batch.length + 1] = n;
    int[] shape = od;
    if (ad.length == 1 && bd.length == 1) {
      shape = batch;
    } else if (ad.length == 1) {
      shape = Arrays.copyOf(batch, batch.length + 1);
      shape[batch.length] = n;
    } else if (bd.length == 1) {
      shape = Arrays.copyOf(batch, batch.length + 1);
      shape[batch.length] = m;
    }
    return Tensor.of(out, shape);
  }

  /** The flat batch index in an operand with batch dims {@code dims} (broadcast: index 0 where dim is 1). */
  private static int flat(int[] outIdx, int[] dims) {
    int f = 0;
    int off = outIdx.length - dims.length;
    for (int d = 0; d < dims.length; d++) {
      f = f * dims[d] + (dims[d] == 1 ? 0 : outIdx[off + d]);
    }
    return f;
  }

  private static int[] parse(String s) {
    return Arrays.stream(s.trim().split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
  }
}
