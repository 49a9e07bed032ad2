package dev.vireo.kernel.layout;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TileKernelTest {
  @Test
  void repeatsEachAxis() {
    Tensor y = run1("Tile", 13, attrs(), Tensor.of(new int[] {1, 2, 3, 4}, 2, 2), Tensor.of(new long[] {2, 2}, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(4, 4));
    assertThat(y.ints()).containsExactly(1, 2, 1, 2, 3, 4, 3, 4, 1, 2, 1, 2, 3, 4, 3, 4);
  }

  @Test
  void zeroRepeatAndStrings() {
    Tensor y = run1("Tile", 6, attrs(), Tensor.of(new String[] {"x", "y"}, 2), Tensor.of(new long[] {0}, 1));
    assertThat(y.shape()).isEqualTo(Shape.of(0));
    Tensor z = run1("Tile", 6, attrs(), Tensor.of(new String[] {"x", "y"}, 1, 2), Tensor.of(new long[] {2, 1}, 2));
    assertThat(z.strings()).containsExactly("x", "y", "x", "y");
  }

  @Test
  void repeatsMustMatchRank() {
    assertThatThrownBy(() -> run1("Tile", 13, attrs(), Tensor.of(new int[] {1, 2}, 2), Tensor.of(new long[] {1, 1}, 2)))
        .hasMessageContaining("one value per axis");
    assertThatThrownBy(() -> run1("Tile", 13, attrs(), Tensor.of(new int[] {1, 2}, 2), Tensor.of(new long[] {-1}, 1)))
        .hasMessageContaining("negative");
  }
}
