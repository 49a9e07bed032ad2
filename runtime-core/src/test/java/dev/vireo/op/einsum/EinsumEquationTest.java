package dev.vireo.op.einsum;

import static dev.vireo.op.InferenceNodes.infer;
import static dev.vireo.op.InferenceNodes.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class EinsumEquationTest {
  private static final int E = EinsumEquation.ELLIPSIS;

  @Test
  void explicitAndImplicitOutputs() {
    EinsumEquation e = EinsumEquation.parse("ij,jk->ik", new int[] {2, 2});
    assertThat(e.output()).containsExactly(26 + 8, 26 + 10);
    // implicit: letters seen once, sorted (uppercase first as in ASCII)
    assertThat(EinsumEquation.parse("ba,aC", new int[] {2, 2}).output()).containsExactly(2, 26 + 1);
    assertThat(EinsumEquation.parse("ii", new int[] {2}).output()).isEmpty();
  }

  @Test
  void ellipsisDimsAlignRight() {
    EinsumEquation e = EinsumEquation.parse("...ij,...jk", new int[] {4, 3});
    assertThat(e.ellipsisRank()).isEqualTo(2);
    assertThat(e.inputs()[0]).containsExactly(E, E + 1, 26 + 8, 26 + 9);
    assertThat(e.inputs()[1]).containsExactly(E + 1, 26 + 9, 26 + 10);
    assertThat(e.output()).containsExactly(E, E + 1, 26 + 8, 26 + 10);
  }

  @Test
  void errorsNameTheEquation() {
    assertThatThrownBy(() -> EinsumEquation.parse("ij,jk", new int[] {2})).hasMessageContaining("2 input terms for 1 inputs");
    assertThatThrownBy(() -> EinsumEquation.parse("i1", new int[] {2})).hasMessageContaining("'1' in 'i1' is not a letter");
    assertThatThrownBy(() -> EinsumEquation.parse("ij->ii", new int[] {2})).hasMessageContaining("repeats a label");
  }

  @Test
  void inferredShapeBroadcastsTheEllipsis() {
    TensorType a = TensorType.of(DType.FLOAT, Shape.of(5, 1, 2, 3));
    TensorType b = TensorType.of(DType.FLOAT, Shape.of(4, 3, 6));
    var out = infer(new Einsum(), 12, List.of(Attribute.of("equation", "...ij,...jk->...ik")), typed(a), typed(b));
    assertThat(out.get(0).toString()).isEqualTo("f32[5,4,2,6]");
  }
}
