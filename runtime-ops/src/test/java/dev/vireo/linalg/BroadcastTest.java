package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BroadcastTest {
  @Test
  void outputShapeFollowsNumpyRules() {
    assertThat(Broadcast.shape(new int[] {2, 1, 4}, new int[] {3, 1})).containsExactly(2, 3, 4);
    assertThat(Broadcast.shape(new int[] {}, new int[] {5})).containsExactly(5);
    assertThat(Broadcast.shape(new int[] {0, 1}, new int[] {1, 3})).containsExactly(0, 3);
  }

  @Test
  void incompatibleShapesNameBoth() {
    assertThatThrownBy(() -> Broadcast.shape(new int[] {2, 3}, new int[] {4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot broadcast shapes [2,3] and [4]: dim 1 of the output would be both 3 and 4");
  }

  @Test
  void sameShapesCollapseToOneRow() {
    Broadcast b = Broadcast.of(new int[] {2, 3, 4}, new int[] {2, 3, 4});
    assertThat(b.rows()).isEqualTo(1);
    assertThat(b.inner()).isEqualTo(24);
    assertThat(b.step(0)).isEqualTo(1);
    assertThat(b.step(1)).isEqualTo(1);
  }

  @Test
  void channelBiasBecomesRowsWithZeroStep() {
    // [N,C,H,W] + [C,1,1]: N*C rows of H*W, the bias fixed along a row
    Broadcast b = Broadcast.of(new int[] {2, 3, 2, 2}, new int[] {3, 1, 1});
    assertThat(b.rows()).isEqualTo(6);
    assertThat(b.inner()).isEqualTo(4);
    assertThat(b.step(1)).isZero();
    assertThat(b.offset(0, 4)).isEqualTo(16);
    assertThat(b.offset(1, 4)).isEqualTo(1);
  }

  @Test
  void trailingVectorRepeatsPerRow() {
    Broadcast b = Broadcast.of(new int[] {4, 5}, new int[] {5});
    assertThat(b.rows()).isEqualTo(4);
    assertThat(b.offset(1, 3)).isZero();
    assertThat(b.offset(0, 3)).isEqualTo(15);
  }
}
