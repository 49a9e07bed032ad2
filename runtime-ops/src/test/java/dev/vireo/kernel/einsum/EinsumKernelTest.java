package dev.vireo.kernel.einsum;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class EinsumKernelTest {
  private static final Tensor A = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
  private static final Tensor B = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);

  private static Tensor einsum(String eq, Tensor... in) {
    return run(node("Einsum", 12, in.length, 1, Attribute.of("equation", eq)), in)[0];
  }

  @Test
  void matmulExplicitAndImplicit() {
    Tensor y = einsum("ij,jk->ik", A, B);
    assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(y.floats()).containsExactly(4, 5, 10, 11);
    assertThat(einsum("ij,jk", A, B).floats()).containsExactly(4, 5, 10, 11);
  }

  @Test
  void transposeSumAndInnerProduct() {
    assertThat(einsum("ij->ji", A).floats()).containsExactly(1, 4, 2, 5, 3, 6);
    // implicit output sorts the letters: "ba" gives ab, a transpose
    assertThat(einsum("ba", A).floats()).containsExactly(1, 4, 2, 5, 3, 6);
    assertThat(einsum("ij->i", A).floats()).containsExactly(6, 15);
    Tensor s = einsum("ij->", A);
    assertThat(s.shape()).isEqualTo(Shape.SCALAR);
    assertThat(s.floats()).containsExactly(21);
    Tensor v = Tensor.of(new float[] {1, 2, 3}, 3);
    assertThat(einsum("i,i", v, v).floats()).containsExactly(14);
  }

  @Test
  void diagonalAndTrace() {
    Tensor m = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
    assertThat(einsum("ii->i", m).floats()).containsExactly(1, 5, 9);
    assertThat(einsum("ii", m).floats()).containsExactly(15);
  }

  @Test
  void ellipsisBroadcastsBatchDims() {
    // batch [2,1] against [1]: the ellipsis dims broadcast to [2]
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
    Tensor b = Tensor.of(new float[] {1, 0, 0, 2}, 1, 2, 2);
    Tensor y = einsum("...ij,...jk->...ik", a, b);
    assertThat(y.shape()).isEqualTo(Shape.of(2, 2, 2));
    assertThat(y.floats()).containsExactly(1, 4, 3, 8, 5, 12, 7, 16);
    Tensor d = einsum("...ii->...i", a);
    assertThat(d.floats()).containsExactly(1, 4, 5, 8);
  }

  @Test
  void threeInputsAndIntegers() {
    Tensor v = Tensor.of(new long[] {1, 2}, 2);
    Tensor m = Tensor.of(new long[] {1, 2, 3, 4}, 2, 2);
    assertThat(einsum("i,ij,j->", v, m, v).longs()).containsExactly(1 + 2 * 2 + 3 * 2 + 4 * 4);
  }

  @Test
  void rejectsBadEquations() {
    assertThatThrownBy(() -> einsum("ij,jk->ik", A, A)).hasMessageContaining("elsewhere its label has size");
    assertThatThrownBy(() -> einsum("ijk->i", A)).hasMessageContaining("has 3 labels, input 0 has rank 2");
    assertThatThrownBy(() -> einsum("ij->iz", A)).hasMessageContaining("'z'");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "bij,bjk->bik:2,3,4:2,4,5", "ij,kj->ik:3,4:5,4", "bhqd,bhkd->bhqk:2,2,3,4:2,2,5,4", "ij,jk->ki:3,4:4,5",
      "i,j->ij:3:4", "ij,ij->i:3,4:3,4", "abc,cb->a:2,3,4:4,3"})
  void matrixProductFastPathMatchesTheGeneralLoop(String spec) {
    String[] p = spec.split(":");
    java.util.Random rnd = new java.util.Random(spec.hashCode());
    Tensor a = random(rnd, dims(p[1]));
    Tensor b = random(rnd, dims(p[2]));
    // f32 takes the GEMM path, f64 the general loop
    Tensor fast = einsum(p[0], a, b);
    Tensor slow = einsum(p[0], toDouble(a), toDouble(b));
    var eq = dev.vireo.op.einsum.EinsumEquation.parse(p[0], new int[] {a.rank(), b.rank()});
    assertThat(fast.shape()).isEqualTo(slow.shape());
    for (int i = 0; i < fast.size(); i++) {
      assertThat((double) fast.floats()[i]).isCloseTo(slow.doubles()[i], org.assertj.core.api.Assertions.within(1e-4));
    }
    int[] size = new int[eq.labelSpace()];
    for (int k = 0; k < a.rank(); k++) {
      size[eq.inputs()[0][k]] = a.shape().dim(k);
    }
    for (int k = 0; k < b.rank(); k++) {
      size[eq.inputs()[1][k]] = b.shape().dim(k);
    }
    assertThat(EinsumGemm.tryRun(eq, size, a, b, dev.vireo.exec.ExecContext.singleThreaded())).isNotNull();
  }

  private static int[] dims(String csv) {
    return java.util.Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static Tensor random(java.util.Random rnd, int... dims) {
    float[] f = new float[Shape.of(dims).size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = rnd.nextFloat() * 2 - 1;
    }
    return Tensor.of(f, dims);
  }

  private static Tensor toDouble(Tensor t) {
    double[] d = new double[t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = t.floats()[i];
    }
    return Tensor.wrap(dev.vireo.tensor.DType.DOUBLE, t.shape(), d);
  }

  @Test
  void narrowIntegersWrapLikeTheirType() {
    // int8 [[100, 2]] x [[2], [3]] = 206, which wraps to -50 in int8
    Tensor a = Tensor.wrap(DType.INT8, Shape.of(1, 2), new byte[] {100, 2});
    Tensor b = Tensor.wrap(DType.INT8, Shape.of(2, 1), new byte[] {2, 3});
    Tensor y = einsum("ij,jk->ik", a, b);
    assertThat(y.dtype()).isEqualTo(DType.INT8);
    assertThat(y.bytes()).containsExactly((byte) -50);

    // uint16 values above 32767 are unsigned: 40000 + 30000 = 70000 wraps to 4464
    Tensor u = Tensor.wrap(DType.UINT16, Shape.of(2), new short[] {(short) 40000, (short) 30000});
    Tensor s = einsum("i->", u);
    assertThat(s.dtype()).isEqualTo(DType.UINT16);
    assertThat(s.shorts()[0] & 0xFFFF).isEqualTo(4464);
  }
}
