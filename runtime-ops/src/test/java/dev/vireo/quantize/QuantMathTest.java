package dev.vireo.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.quantize.calibrate.Range;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class QuantMathTest {
  @Test
  void int8WeightsPerChannelAreSymmetricPerRow() {
    Tensor w = Tensor.of(new float[] {0.5f, -1f, 0.25f, 2f, 0f, -0.01f}, 2, 3);
    QuantMath.Quantized q = QuantMath.weightInt8(w, 0);
    assertThat(q.scale().floats()).containsExactly(1f / 127, 2f / 127);
    // 0.25 * 127 = 31.75 -> 32; -0.01 * 63.5 = -0.635 -> -1; 0.5 * 127 = 63.5 -> 64 (half to even)
    assertThat(q.data().bytes()).containsExactly(64, -127, 32, 127, 0, -1);
    assertThat(q.zeroPoint().dtype()).isEqualTo(DType.INT8);
    assertThat(q.zeroPoint().shape()).isEqualTo(Shape.of(2));
  }

  @Test
  void int8WeightsPerTensorAndAllZero() {
    QuantMath.Quantized q = QuantMath.weightInt8(Tensor.of(new float[] {-4f, 1f}, 2), -1);
    assertThat(q.scale().shape()).isEqualTo(Shape.SCALAR);
    assertThat(q.data().bytes()).containsExactly(-127, 32); // 1 * 31.75 -> 32
    assertThat(QuantMath.weightInt8(Tensor.of(new float[] {0f, 0f}, 2), -1).scale().floats()).containsExactly(1f);
  }

  @Test
  void uint8ActivationsIncludeZero() {
    Tensor[] p = QuantMath.activationUint8(new Range(-1f, 3f));
    assertThat(p[0].floats()[0]).isCloseTo(4f / 255, within(1e-9f));
    assertThat(Byte.toUnsignedInt(p[1].bytes()[0])).isEqualTo(64); // 255/4 = 63.75
    Tensor[] positive = QuantMath.activationUint8(new Range(2f, 5.1f));
    assertThat(positive[0].floats()[0]).isCloseTo(0.02f, within(1e-9f));
    assertThat(positive[1].bytes()[0]).isZero();
  }

  @Test
  void int32BiasUsesInputTimesWeightScale() {
    QuantMath.Quantized b = QuantMath.biasInt32(Tensor.of(new float[] {0.1f, -0.3f}, 2), 0.01f,
        Tensor.of(new float[] {0.5f, 0.25f}, 2));
    assertThat(b.scale().floats()).containsExactly(0.005f, 0.0025f);
    assertThat(b.data().ints()).containsExactly(20, -120);
  }
}
