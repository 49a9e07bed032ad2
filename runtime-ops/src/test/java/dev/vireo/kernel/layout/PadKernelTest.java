package dev.vireo.kernel.layout;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PadKernelTest {
  // the spec's 3x2 example data
  private static final Tensor X = Tensor.of(new float[] {1.0f, 1.2f, 2.3f, 3.4f, 4.5f, 5.7f}, 3, 2);
  private static final Tensor PADS = Tensor.of(new long[] {0, 2, 0, 0}, 4);

  @Test
  void constantModeFromInputs() {
    Tensor y = run1("Pad", 11, attrs(), X, PADS, Tensor.scalar(0f));
    assertThat(y.shape()).isEqualTo(Shape.of(3, 4));
    assertThat(y.floats()).containsExactly(0, 0, 1.0f, 1.2f, 0, 0, 2.3f, 3.4f, 0, 0, 4.5f, 5.7f);
  }

  @Test
  void constantValueInputAndDefaultZero() {
    Tensor y = run1("Pad", 13, attrs(), Tensor.of(new long[] {7}, 1), Tensor.of(new long[] {1, 2}, 2),
        Tensor.scalar(-1L));
    assertThat(y.longs()).containsExactly(-1, 7, -1, -1);
    Tensor z = run1("Pad", 13, attrs(), Tensor.of(new long[] {7}, 1), Tensor.of(new long[] {1, 0}, 2));
    assertThat(z.longs()).containsExactly(0, 7);
  }

  @Test
  void reflectMode() {
    Tensor y = run1("Pad", 11, attrs(Attribute.of("mode", "reflect")), X, PADS);
    assertThat(y.floats()).containsExactly(1.0f, 1.2f, 1.0f, 1.2f, 2.3f, 3.4f, 2.3f, 3.4f, 4.5f, 5.7f, 4.5f, 5.7f);
  }

  @Test
  void edgeMode() {
    Tensor y = run1("Pad", 11, attrs(Attribute.of("mode", "edge")), X, PADS);
    assertThat(y.floats()).containsExactly(1.0f, 1.0f, 1.0f, 1.2f, 2.3f, 2.3f, 2.3f, 3.4f, 4.5f, 4.5f, 4.5f, 5.7f);
  }

  @Test
  void wrapModeOnBothEnds() {
    // [1 2 3] padded by 2 before and 4 after wraps around
    Tensor y = run1("Pad", 19, attrs(Attribute.of("mode", "wrap")), Tensor.of(new int[] {1, 2, 3}, 3),
        Tensor.of(new long[] {2, 4}, 2));
    assertThat(y.ints()).containsExactly(2, 3, 1, 2, 3, 1, 2, 3, 1);
  }

  @Test
  void reflectBeyondOneLength() {
    Tensor y = run1("Pad", 11, attrs(Attribute.of("mode", "reflect")), Tensor.of(new int[] {1, 2, 3}, 3),
        Tensor.of(new long[] {4, 0}, 2));
    assertThat(y.ints()).containsExactly(1, 2, 3, 2, 1, 2, 3);
  }

  @Test
  void attributesBeforeOpset11() {
    Tensor y = run1("Pad", 2, attrs(Attribute.ints("pads", 1, 0, 0, 1), Attribute.of("value", 9f)),
        Tensor.of(new float[] {1, 2, 3, 4}, 2, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(3, 3));
    assertThat(y.floats()).containsExactly(9, 9, 9, 1, 2, 9, 3, 4, 9);
  }

  @Test
  void negativePadsCrop() {
    Tensor y = run1("Pad", 11, attrs(), Tensor.of(new int[] {1, 2, 3, 4}, 4), Tensor.of(new long[] {-1, 2}, 2));
    assertThat(y.ints()).containsExactly(2, 3, 4, 0, 0);
    Tensor e = run1("Pad", 11, attrs(Attribute.of("mode", "edge")), Tensor.of(new int[] {1, 2, 3, 4}, 4),
        Tensor.of(new long[] {1, -2}, 2));
    assertThat(e.ints()).containsExactly(1, 1, 2);
  }

  @Test
  void axesInputOpset18WithNegativeAxis() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor y = run1("Pad", 18, attrs(), x, Tensor.of(new long[] {1, 0}, 2), Tensor.scalar(5f),
        Tensor.of(new long[] {-1}, 1));
    assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(y.floats()).containsExactly(5, 1, 2, 5, 3, 4);
  }

  @Test
  void stringsAndBooleans() {
    Tensor s = run1("Pad", 13, attrs(Attribute.of("mode", "edge")), Tensor.of(new String[] {"a", "b"}, 2),
        Tensor.of(new long[] {1, 1}, 2));
    assertThat(s.strings()).containsExactly("a", "a", "b", "b");
    Tensor b = run1("Pad", 13, attrs(), Tensor.of(new boolean[] {true}, 1), Tensor.of(new long[] {1, 0}, 2));
    assertThat(b.booleans()).containsExactly(false, true);
  }

  @Test
  void emptyInputConstantPads() {
    Tensor y = run1("Pad", 13, attrs(), Tensor.wrap(DType.FLOAT, Shape.of(0), new float[0]),
        Tensor.of(new long[] {1, 1}, 2), Tensor.scalar(2f));
    assertThat(y.floats()).containsExactly(2, 2);
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> run1("Pad", 13, attrs(), X, Tensor.of(new long[] {1, 1}, 2)))
        .hasMessageContaining("need 4 values");
    assertThatThrownBy(() -> run1("Pad", 13, attrs(Attribute.of("mode", "reflect")),
        Tensor.wrap(DType.FLOAT, Shape.of(0), new float[0]), Tensor.of(new long[] {1, 1}, 2)))
        .hasMessageContaining("no elements");
    assertThatThrownBy(() -> run1("Pad", 13, attrs(Attribute.of("mode", "mirror")), X, PADS))
        .hasMessageContaining("unknown mode 'mirror'");
    assertThatThrownBy(() -> run1("Pad", 13, attrs(), X, Tensor.of(new long[] {0, -3, 0, 0}, 4)))
        .hasMessageContaining("negative");
  }
}
