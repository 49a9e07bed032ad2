package dev.vireo.kernel.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.tensor.Shape;
import org.junit.jupiter.api.Test;

class QuantLayoutTest {
  private static int[] indices(QuantLayout l, int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = l.scaleIndex(i);
    }
    return r;
  }

  @Test
  void perTensorAndPerAxis() {
    assertThat(indices(QuantLayout.of("Q", Shape.of(2, 2), Shape.SCALAR, 1, 0), 4))
        .containsExactly(0, 0, 0, 0);
    assertThat(indices(QuantLayout.of("Q", Shape.of(2, 3, 2), Shape.of(3), 1, 0), 12))
        .containsExactly(0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2);
    assertThat(indices(QuantLayout.of("Q", Shape.of(2, 3), Shape.of(2), -2, 0), 6))
        .containsExactly(0, 0, 0, 1, 1, 1);
  }

  @Test
  void blockedAlongAnOuterAxisWithARaggedLastBlock() {
    // x [3, 2], blocks of 2 rows: rows 0-1 use scale row 0, row 2 uses scale row 1
    QuantLayout l = QuantLayout.of("Q", Shape.of(3, 2), Shape.of(2, 2), 0, 2);
    assertThat(indices(l, 6)).containsExactly(0, 1, 0, 1, 2, 3);
  }

  @Test
  void rejectsABlockedScaleOfTheWrongShape() {
    assertThatThrownBy(() -> QuantLayout.of("DequantizeLinear", Shape.of(3, 2), Shape.of(3, 2), 0, 2))
        .hasMessage("DequantizeLinear: blocked scale for input [3,2], axis 0, block_size 2 must have"
            + " dim 2 on the axis and the input's dims elsewhere, got [3,2]");
  }
}
