package dev.vireo.kernel.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * MatMulInteger through the packed int8 GEMM (B packed at plan time from an initializer, or per
 * call) equals the plain reference product for every type pair, zero-point layout and ragged
 * shape, single- and multi-threaded.
 */
class QuantGemmTest {
  private static final int[][] SHAPES = {{1, 1, 1}, {1, 384, 384}, {4, 37, 70}, {13, 300, 129},
      {2, 1536, 17}, {1, 5, 200}};

  @Test
  void packedPathEqualsReference() {
    SplittableRandom rnd = new SplittableRandom(21);
    ExecContext pool = new ExecContext(2, ForkJoinPool.commonPool());
    for (DType at : new DType[] {DType.UINT8, DType.INT8}) {
      for (DType bt : new DType[] {DType.INT8, DType.UINT8}) {
        for (int[] s : SHAPES) {
          for (int zpKind = 0; zpKind < 3; zpKind++) {
            Tensor a = random(rnd, at, 2, s[0], s[1]);
            Tensor b = random(rnd, bt, s[1], s[2]);
            Tensor aZp = random(rnd, at);
            Tensor bZp = zpKind == 0 ? null : zpKind == 1 ? random(rnd, bt) : random(rnd, bt, s[2]);
            Tensor expected = IntMatMul.multiply("MatMulInteger", a, aZp, b, bZp, ExecContext.singleThreaded());
            KernelHarness h = KernelHarness.op("MatMulInteger", 10);
            Tensor perCall = h.kernel(a, b, aZp, bZp).run(new Tensor[] {a, b, aZp, bZp}, pool)[0];
            Node node = h.node(a, b, aZp, bZp);
            node.input(1).setInitializer(b);
            if (bZp != null) {
              node.input(3).setInitializer(bZp);
            }
            Tensor planned = new MatMulIntegerKernel(node).run(new Tensor[] {a, b, aZp, bZp},
                ExecContext.singleThreaded())[0];
            String what = at + "x" + bt + " " + java.util.Arrays.toString(s) + " zp " + zpKind;
            assertThat(perCall.shape()).as(what).isEqualTo(expected.shape());
            assertThat(perCall.ints()).as(what).isEqualTo(expected.ints());
            assertThat(planned.ints()).as(what).isEqualTo(expected.ints());
          }
        }
      }
    }
  }

  static Tensor random(SplittableRandom rnd, DType t, int... dims) {
    Shape s = Shape.of(dims);
    byte[] d = new byte[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) rnd.nextInt(256);
    }
    return Tensor.wrap(t, s, d);
  }
}
