package dev.vireo.op.detect;

import static dev.vireo.op.InferenceNodes.infer;
import static dev.vireo.op.InferenceNodes.typed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectOpsTest {
  @Test
  void gridSampleTakesTheGridsSpatialDims() {
    TensorType x = TensorType.of(DType.FLOAT, Shape.of(2, 3, 8, 8));
    TensorType g = TensorType.of(DType.FLOAT, Shape.of(2, 4, 5, 2));
    assertThat(infer(new GridSample(), 20, List.of(), typed(x), typed(g)).get(0).toString()).isEqualTo("f32[2,3,4,5]");
  }

  @Test
  void nonMaxSuppressionGivesIndexTriples() {
    TensorType b = TensorType.of(DType.FLOAT, Shape.of(1, 6, 4));
    TensorType s = TensorType.of(DType.FLOAT, Shape.of(1, 1, 6));
    assertThat(infer(new NonMaxSuppression(), 11, List.of(), typed(b), typed(s)).get(0).toString()).isEqualTo("i64[?,3]");
  }

  @Test
  void roiAlignGivesRoisByChannelsByOutputSize() {
    TensorType x = TensorType.of(DType.FLOAT, Shape.of(2, 3, 8, 8));
    TensorType r = TensorType.of(DType.FLOAT, Shape.of(5, 4));
    TensorType b = TensorType.of(DType.INT64, Shape.of(5));
    assertThat(infer(new RoiAlign(), 16, List.of(Attribute.of("output_height", 2L),
        Attribute.of("output_width", 3L)), typed(x), typed(r), typed(b)).get(0).toString())
        .isEqualTo("f32[5,3,2,3]");
  }
}
