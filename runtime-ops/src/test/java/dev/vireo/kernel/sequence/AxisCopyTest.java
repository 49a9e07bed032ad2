package dev.vireo.kernel.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class AxisCopyTest {
  private static final ExecContext CTX = ExecContext.singleThreaded();
  /** [[a,b,c],[d,e,f]] */
  private static final Tensor S = Tensor.of(new String[] {"a", "b", "c", "d", "e", "f"}, 2, 3);

  @Test
  void slicesAndTakesAnyStorage() {
    Tensor mid = AxisCopy.slice(S, 1, 1, 2, CTX);
    assertThat(mid.shape().dims()).containsExactly(2, 2);
    assertThat(mid.strings()).containsExactly("b", "c", "e", "f");
    Tensor row = AxisCopy.take(S, 0, 1, CTX);
    assertThat(row.shape().dims()).containsExactly(3);
    assertThat(row.strings()).containsExactly("d", "e", "f");
    Tensor none = AxisCopy.slice(S, 1, 3, 0, CTX);
    assertThat(none.shape().dims()).containsExactly(2, 0);
    assertThatThrownBy(() -> AxisCopy.slice(S, 1, 2, 2, CTX))
        .hasMessage("slice [2, 4) of axis 1 is outside str[2,3]");
  }

  @Test
  void concatenatesAndStacks() {
    Tensor a = Tensor.of(new long[] {1, 2}, 1, 2);
    Tensor b = Tensor.of(new long[] {3, 4, 5, 6}, 2, 2);
    assertThat(AxisCopy.concat(List.of(a, b), 0, CTX).longs()).containsExactly(1, 2, 3, 4, 5, 6);
    Tensor s = AxisCopy.stack(List.of(Tensor.of(new long[] {1, 2}, 2), Tensor.of(new long[] {3, 4}, 2)), 1, CTX);
    assertThat(s.shape().dims()).containsExactly(2, 2);
    assertThat(s.longs()).containsExactly(1, 3, 2, 4);
    assertThatThrownBy(() -> AxisCopy.concat(List.of(a, b), 1, CTX))
        .hasMessage("cannot concatenate i64[1,2] and i64[2,2] along axis 1: dim 0 differs");
    assertThatThrownBy(() -> AxisCopy.stack(List.of(a, b), 0, CTX))
        .hasMessage("cannot stack i64[1,2] and i64[2,2]: shapes differ");
    assertThat(AxisCopy.emptyStack(DType.BOOL, Shape.of(3), 1, CTX).shape().dims()).containsExactly(3, 0);
  }
}
