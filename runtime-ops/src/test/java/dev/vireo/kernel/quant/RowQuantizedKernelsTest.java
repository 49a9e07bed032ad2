package dev.vireo.kernel.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.op.vireo.VireoOps;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** dev.vireo RowQuantize and MatMulIntegerRowScaled on hand-computed cases. */
class RowQuantizedKernelsTest {
  private static KernelHarness rowQuantize() {
    return KernelHarness.op("RowQuantize", 1).domain(VireoOps.DOMAIN).outputs(2);
  }

  private static KernelHarness rowScaled() {
    return KernelHarness.op("MatMulIntegerRowScaled", 1).domain(VireoOps.DOMAIN);
  }

  @Test
  void quantizesEachRowSymmetricallyAroundZeroPoint128() {
    Tensor a = Tensor.of(new float[] {
        127, -3, 2.5f, -0.5f, // max |a| 127: scale 1; ties go to the even neighbour
        0, 0, 0, 0, // zeros: scale MIN_NORMAL, codes all 128
        -254, 1.5f, 0, 100}, // max |a| 254: scale 2; -127, 0.75, 0, 50
        1, 3, 4);
    Tensor[] out = rowQuantize().run(a);
    assertThat(out[0].dtype()).isEqualTo(DType.UINT8);
    assertThat(out[0].shape()).isEqualTo(Shape.of(1, 3, 4));
    assertThat(out[0].toLongArray()).containsExactly(255, 125, 130, 128, 128, 128, 128, 128, 1, 129, 128, 178);
    assertThat(out[1].shape()).isEqualTo(Shape.of(1, 3, 1));
    assertThat(out[1].floats()).containsExactly(1f, Float.MIN_NORMAL / 127f, 2f);
  }

  @Test
  void matchesTheStandardOpArithmeticOnRandomRows() {
    SplittableRandom r = new SplittableRandom(3);
    int rows = 5;
    int k = 37;
    float[] x = new float[rows * k];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-3, 3)));
    }
    Tensor[] out = rowQuantize().run(Tensor.of(x, rows, k));
    for (int i = 0; i < rows; i++) {
      float maxAbs = 0f;
      for (int j = 0; j < k; j++) {
        maxAbs = Math.max(maxAbs, Math.abs(x[i * k + j]));
      }
      float scale = Math.max(maxAbs, Float.MIN_NORMAL) / 127f;
      assertThat(out[1].floats()[i]).isEqualTo(scale);
      for (int j = 0; j < k; j++) {
        float shifted = (float) Math.rint(x[i * k + j] / scale) + 128f;
        assertThat(out[0].bytes()[i * k + j]).isEqualTo((byte) (long) shifted);
      }
    }
  }

  @Test
  void scalesTheIntegerProductByRowThenByColumn() {
    // A - 128 = [[1, -2, 0]], [[127, -127, 2]] (batch 2, one row each); B - b_zp = [[1, 1], [3, -5], [5, 5]]
    Tensor a = Tensor.wrap(DType.UINT8, Shape.of(2, 1, 3), new byte[] {(byte) 129, 126, (byte) 128,
        (byte) 255, 1, (byte) 130});
    Tensor b = Tensor.wrap(DType.INT8, Shape.of(3, 2), new byte[] {1, 2, 3, -4, 5, 6});
    Tensor bZp = Tensor.wrap(DType.INT8, Shape.of(2), new byte[] {0, 1});
    Tensor aScale = Tensor.of(new float[] {0.5f, 0.25f}, 2, 1, 1);
    Tensor bScale = Tensor.of(new float[] {2f, 0.1f}, 2);
    Tensor aZp = Tensor.wrap(DType.UINT8, Shape.SCALAR, new byte[] {(byte) 128});
    Tensor y = rowScaled().run1(a, b, aScale, bScale, aZp, bZp);
    // acc = [[-5, 11]], [[-244, 772]]
    assertThat(y.shape()).isEqualTo(Shape.of(2, 1, 2));
    assertThat(y.floats()).containsExactly(-5f * 0.5f * 2f, 11f * 0.5f * 0.1f, -244f * 0.25f * 2f,
        772f * 0.25f * 0.1f);
  }

  @Test
  void aScalarColumnScaleAppliesToEveryColumn() {
    Tensor a = Tensor.wrap(DType.UINT8, Shape.of(1, 2), new byte[] {(byte) 130, 125});
    Tensor b = Tensor.wrap(DType.INT8, Shape.of(2, 3), new byte[] {1, 2, 3, 4, 5, 6});
    Tensor aZp = Tensor.wrap(DType.UINT8, Shape.SCALAR, new byte[] {(byte) 128});
    Tensor y = rowScaled().run1(a, b, Tensor.of(new float[] {0.3f}, 1, 1),
        Tensor.wrap(DType.FLOAT, Shape.SCALAR, new float[] {0.7f}), aZp, null);
    // A - 128 = [2, -3]: acc = [2 - 12, 4 - 15, 6 - 18]
    assertThat(y.floats()).containsExactly(-10f * 0.3f * 0.7f, -11f * 0.3f * 0.7f, -12f * 0.3f * 0.7f);
  }

  @Test
  void addsTheBiasAfterBothScales() {
    Tensor a = Tensor.wrap(DType.UINT8, Shape.of(1, 2), new byte[] {(byte) 130, 125});
    Tensor b = Tensor.wrap(DType.INT8, Shape.of(2, 2), new byte[] {1, 2, 3, 4});
    Tensor aZp = Tensor.wrap(DType.UINT8, Shape.SCALAR, new byte[] {(byte) 128});
    Tensor y = rowScaled().run1(a, b, Tensor.of(new float[] {0.3f}, 1, 1), Tensor.of(new float[] {0.7f, 1.1f}, 2),
        aZp, null, Tensor.of(new float[] {0.01f, -5f}, 2));
    // A - 128 = [2, -3]: acc = [2 - 9, 4 - 12]
    assertThat(y.floats()).containsExactly(-7f * 0.3f * 0.7f + 0.01f, -8f * 0.3f * 1.1f + -5f);
  }

  @Test
  void rejectsARowScaleOfTheWrongSize() {
    Tensor a = Tensor.wrap(DType.UINT8, Shape.of(2, 2), new byte[4]);
    Tensor b = Tensor.wrap(DType.INT8, Shape.of(2, 1), new byte[2]);
    assertThatThrownBy(() -> rowScaled().run1(a, b, Tensor.of(new float[] {1f}, 1, 1),
        Tensor.of(new float[] {1f}, 1), null, null))
        .hasMessageContaining("a_scale").hasMessageContaining("one value per row (2)");
  }
}
