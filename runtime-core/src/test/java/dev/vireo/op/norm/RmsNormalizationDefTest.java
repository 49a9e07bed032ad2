package dev.vireo.op.norm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RmsNormalizationDefTest {
  @Test
  void outputHasShapeOfXAndTypeOfScale() {
    List<ValueType> out = new RmsNormalizationDef().infer(ctx(DType.FLOAT16, DType.FLOAT, Map.of()));
    assertThat(out).singleElement().hasToString("f32[2,3]");
  }

  @Test
  void rejectsAxisOutOfRange() {
    assertThatThrownBy(() -> new RmsNormalizationDef().infer(
        ctx(DType.FLOAT, DType.FLOAT, Map.of("axis", Attribute.of("axis", 2L)))))
        .hasMessageContaining("RMSNormalization: axis 2 is out of range for f32[2,3]");
  }

  private static InferenceContext ctx(DType x, DType scale, Map<String, Attribute> attrs) {
    Value xv = new Value("x", TensorType.of(x, Shape.of(2, 3)));
    Value sv = new Value("s", TensorType.of(scale, Shape.of(3)));
    return new InferenceContext(new Node("rms", "", "RMSNormalization", 23, List.of(xv, sv),
        List.of(new Value("y", null)), attrs));
  }
}
