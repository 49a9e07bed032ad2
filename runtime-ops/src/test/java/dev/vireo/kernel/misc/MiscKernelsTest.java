package dev.vireo.kernel.misc;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MiscKernelsTest {
  private static final float CLOSE = 1e-5f;

  @Test
  void cumProdExclusiveReverse() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 4);
    Tensor y = run(node("CumProd", 26, 2, 1, Attribute.of("exclusive", 1L), Attribute.of("reverse", 1L)),
        x, Tensor.scalar(0L))[0];
    assertThat(y.floats()).containsExactly(24, 12, 4, 1);
    Tensor z = run(node("CumProd", 26, 2, 1), Tensor.of(new int[] {1, 2, 3, 4}, 2, 2), Tensor.scalar(-1L))[0];
    assertThat(z.ints()).containsExactly(1, 2, 3, 12);
  }

  @Test
  void bitCastKeepsBits() {
    Tensor y = run(node("BitCast", 26, 1, 1, Attribute.of("to", 6L)), Tensor.of(new float[] {1f, -0f}, 2))[0];
    assertThat(y.dtype()).isEqualTo(DType.INT32);
    assertThat(y.ints()).containsExactly(0x3f800000, 0x80000000);
    assertThatThrownBy(() -> run(node("BitCast", 26, 1, 1, Attribute.of("to", 7L)), Tensor.of(new float[] {1f}, 1)))
        .hasMessageContaining("32-bit");
  }

  @Test
  void detOfBatchedMatrices() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 0, 1, 1, 0}, 2, 2, 2);
    Tensor y = run(node("Det", 22, 1, 1), x)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(2));
    assertThat(y.floats()).containsExactly(new float[] {-2, -1}, within(CLOSE));
    Tensor z = Tensor.of(new double[] {2, 0, 1, 1, 3, 2, 1, 1, 2}, 3, 3);
    assertThat(run(node("Det", 11, 1, 1), z)[0].doubles()[0]).isCloseTo(6.0, within(1e-12));
  }

  @Test
  void reverseSequenceAlongTime() {
    // [time 3, batch 2]; batch 0 reverses 3 steps, batch 1 only 2
    Tensor x = Tensor.of(new long[] {0, 10, 1, 11, 2, 12}, 3, 2);
    Tensor y = run(node("ReverseSequence", 10, 2, 1), x, Tensor.of(new long[] {3, 2}, 2))[0];
    assertThat(y.longs()).containsExactly(2, 11, 1, 10, 0, 12);
  }

  @Test
  void tensorScatterCircularWraps() {
    Tensor past = Tensor.of(new float[] {0, 0, 0, 0}, 1, 4, 1);
    Tensor update = Tensor.of(new float[] {7, 8}, 1, 2, 1);
    Tensor y = run(node("TensorScatter", 24, 3, 1, Attribute.of("mode", "circular")),
        past, update, Tensor.of(new long[] {3}, 1))[0];
    assertThat(y.floats()).containsExactly(8, 0, 0, 7);
    assertThatThrownBy(() -> run(node("TensorScatter", 24, 3, 1), past, update, Tensor.of(new long[] {3}, 1)))
        .hasMessageContaining("exceeds max_sequence_length 4");
  }

  @Test
  void centerCropPadCropsAndPads() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor y = run(node("CenterCropPad", 18, 2, 1), x, Tensor.of(new long[] {4, 1}, 2))[0];
    assertThat(y.shape()).isEqualTo(Shape.of(4, 1));
    assertThat(y.floats()).containsExactly(0, 2, 5, 0);
  }

  @Test
  void col2ImSumsOverlaps() {
    // one channel, image [1, 3], block [1, 2], stride 1: columns at x = 0 and 1 overlap at x = 1
    Tensor x = Tensor.of(new float[] {1, 2, 10, 20}, 1, 2, 2);
    Tensor y = run(node("Col2Im", 18, 3, 1), x, Tensor.of(new long[] {1, 3}, 2), Tensor.of(new long[] {1, 2}, 2))[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 1, 3));
    assertThat(y.floats()).containsExactly(1, 12, 20);
  }

  @Test
  void col2ImSumsIntegersExactlyInTheirType() {
    Tensor image = Tensor.of(new long[] {1, 3}, 2);
    Tensor block = Tensor.of(new long[] {1, 2}, 2);
    // 2^60 + 1 is not a double: the int64 sum must not pass through double
    Tensor x64 = Tensor.of(new long[] {(1L << 60) + 1, 2, 10, 20}, 1, 2, 2);
    Tensor y64 = run(node("Col2Im", 18, 3, 1), x64, image, block)[0];
    assertThat(y64.dtype()).isEqualTo(DType.INT64);
    assertThat(y64.longs()).containsExactly((1L << 60) + 1, 12, 20);
    // int8: 120 + 10 = 130 wraps to -126
    Tensor x8 = Tensor.wrap(DType.INT8, Shape.of(1, 2, 2), new byte[] {1, 120, 10, 20});
    Tensor y8 = run(node("Col2Im", 18, 3, 1), x8, image, block)[0];
    assertThat(y8.dtype()).isEqualTo(DType.INT8);
    assertThat(y8.bytes()).containsExactly((byte) 1, (byte) -126, (byte) 20);
  }

  @Test
  void affineGridIdentity() {
    Tensor theta = Tensor.of(new float[] {1, 0, 0, 0, 1, 0}, 1, 2, 3);
    Tensor y = run(node("AffineGrid", 20, 2, 1, Attribute.of("align_corners", 1L)),
        theta, Tensor.of(new long[] {1, 1, 2, 2}, 4))[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 2, 2));
    assertThat(y.floats()).containsExactly(new float[] {-1, -1, 1, -1, -1, 1, 1, 1}, within(CLOSE));
    Tensor c = run(node("AffineGrid", 20, 2, 1), theta, Tensor.of(new long[] {1, 1, 1, 2}, 4))[0];
    assertThat(c.floats()).containsExactly(new float[] {-0.5f, 0, 0.5f, 0}, within(CLOSE));
  }

  @Test
  void deformConvSamplesDisplacedTapsBilinearly() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
    Tensor w = Tensor.of(new float[] {1}, 1, 1, 1, 1);
    // every tap moves half a pixel right: (dy, dx) = (0, 0.5); beyond the right edge reads 0
    Tensor offset = Tensor.of(new float[] {0, 0, 0, 0, 0.5f, 0.5f, 0.5f, 0.5f}, 1, 2, 2, 2);
    Tensor y = run(node("DeformConv", 19, 3, 1), x, w, offset)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 2, 2));
    assertThat(y.floats()).containsExactly(new float[] {1.5f, 1, 3.5f, 2}, within(CLOSE));
    Tensor mask = Tensor.of(new float[] {2, 2, 2, 2}, 1, 1, 2, 2);
    Tensor z = run(node("DeformConv", 22, 5, 1), x, w, offset, Tensor.of(new float[] {1}, 1), mask)[0];
    assertThat(z.floats()).containsExactly(new float[] {4, 3, 8, 5}, within(CLOSE));
  }
}
