package dev.vireo.kernel.signal;

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

class SignalKernelsTest {
  private static final float CLOSE = 1e-5f;
  private static final Tensor RAMP = Tensor.of(new float[] {1, 2, 3, 4}, 1, 4, 1);

  @Test
  void hannPeriodicAndSymmetric() {
    Tensor p = run(node("HannWindow", 17, 1, 1), Tensor.scalar(4L))[0];
    assertThat(p.floats()).containsExactly(new float[] {0, 0.5f, 1, 0.5f}, within(CLOSE));
    Tensor s = run(node("HannWindow", 17, 1, 1, Attribute.of("periodic", 0L)), Tensor.scalar(5L))[0];
    assertThat(s.floats()).containsExactly(new float[] {0, 0.5f, 1, 0.5f, 0}, within(CLOSE));
  }

  @Test
  void hammingAndBlackmanEndpointsInDouble() {
    Tensor h = run(node("HammingWindow", 17, 1, 1, Attribute.of("output_datatype", 11L)), Tensor.scalar(2L))[0];
    assertThat(h.dtype()).isEqualTo(DType.DOUBLE);
    assertThat(h.doubles()).containsExactly(new double[] {4.0 / 46, 1}, within(1e-12));
    Tensor b = run(node("BlackmanWindow", 17, 1, 1), Tensor.scalar(2L))[0];
    assertThat(b.floats()).containsExactly(new float[] {0, 1}, within(CLOSE));
  }

  @Test
  void dftOfARealRampAndItsOnesidedHalf() {
    Tensor y = run(node("DFT", 17, 1, 1), RAMP)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 4, 2));
    assertThat(y.floats()).containsExactly(new float[] {10, 0, -2, 2, -2, 0, -2, -2}, within(CLOSE));
    Tensor half = run(node("DFT", 20, 3, 1, Attribute.of("onesided", 1L)), RAMP, null, Tensor.scalar(1L))[0];
    assertThat(half.floats()).containsExactly(new float[] {10, 0, -2, 2, -2, 0}, within(CLOSE));
  }

  @Test
  void inverseOnesidedRestoresTheRealSignal() {
    Tensor spectrum = Tensor.of(new float[] {10, 0, -2, 2, -2, 0}, 1, 3, 2);
    Tensor x = run(node("DFT", 17, 1, 1, Attribute.of("inverse", 1L), Attribute.of("onesided", 1L)), spectrum)[0];
    assertThat(x.shape()).isEqualTo(Shape.of(1, 4, 1));
    assertThat(x.floats()).containsExactly(new float[] {1, 2, 3, 4}, within(CLOSE));
  }

  @Test
  void dftLengthPadsWithZeros() {
    Tensor y = run(node("DFT", 17, 2, 1), Tensor.of(new float[] {1, 1}, 1, 2, 1), Tensor.scalar(4L))[0];
    assertThat(y.floats()).containsExactly(new float[] {2, 0, 1, -1, 0, 0, 1, 1}, within(CLOSE));
  }

  @Test
  void dftRejectsTheComplexAxis() {
    assertThatThrownBy(() -> run(node("DFT", 20, 3, 1), RAMP, null, Tensor.scalar(-1L)))
        .hasMessageContaining("real/imaginary axis");
  }

  @Test
  void stftFramesWithStep() {
    Tensor y = run(node("STFT", 17, 4, 1), RAMP, Tensor.scalar(2L), null, Tensor.scalar(2L))[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 2, 2));
    assertThat(y.floats()).containsExactly(new float[] {3, 0, -1, 0, 7, 0, -1, 0}, within(CLOSE));
  }

  @Test
  void melWeightMatrixHasTriangularBands() {
    Tensor w = run(node("MelWeightMatrix", 17, 5, 1), Tensor.scalar(1L), Tensor.scalar(8L), Tensor.scalar(8000L),
        Tensor.scalar(0f), Tensor.scalar(4000f))[0];
    assertThat(w.shape()).isEqualTo(Shape.of(5, 1));
    // mel edges 0, 1/3, 2/3 of mel(4000) are 0, 620.8 and 1790.8 Hz, bins floor(9·hz/8000) = 0, 0, 2:
    // an empty rising edge sets the center to 1, then the band falls over bins 0..1
    assertThat(w.floats()).containsExactly(new float[] {1, 0.5f, 0, 0, 0}, within(CLOSE));
  }
}
