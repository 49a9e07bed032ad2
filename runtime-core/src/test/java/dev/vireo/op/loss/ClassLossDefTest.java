package dev.vireo.op.loss;

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

class ClassLossDefTest {
  private static final TensorType X = TensorType.of(DType.FLOAT, Shape.of(2, 5, 3));
  private static final TensorType T = TensorType.of(DType.INT64, Shape.of(2, 3));

  @Test
  void lossShapes() {
    ClassLossDef sce = new ClassLossDef("SoftmaxCrossEntropyLoss");
    var none = infer(sce, 13, List.of(Attribute.of("reduction", "none")), typed(X), typed(T));
    assertThat(none.get(0).toString()).isEqualTo("f32[2,3]");
    assertThat(none.get(1).toString()).isEqualTo("f32[2,5,3]");
    ClassLossDef nll = new ClassLossDef("NegativeLogLikelihoodLoss");
    var mean = infer(nll, 13, List.of(), typed(X), typed(T));
    assertThat(mean).hasSize(1);
    assertThat(mean.get(0).toString()).isEqualTo("f32[]");
    assertThatThrownBy(() -> infer(nll, 13, List.of(Attribute.of("reduction", "avg")), typed(X), typed(T)))
        .hasMessageContaining("reduction must be none, sum or mean, got 'avg'");
  }
}
