package dev.vireo.op.convt;

import static dev.vireo.op.InferenceNodes.infer;
import static dev.vireo.op.InferenceNodes.typed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvTransposeTest {
  private static final TensorType X = TensorType.of(DType.FLOAT, Shape.of(1, 1, 3, 3));
  private static final TensorType W = TensorType.of(DType.FLOAT, Shape.of(1, 2, 3, 3));

  private static String shape(Attribute... a) {
    return infer(new ConvTranspose(), 22, List.of(a), typed(X), typed(W)).get(0).toString();
  }

  @Test
  void specShapes() {
    assertThat(shape()).isEqualTo("f32[1,2,5,5]");
    assertThat(shape(Attribute.ints("strides", 3, 2), Attribute.ints("output_shape", 10, 8))).isEqualTo("f32[1,2,10,8]");
    assertThat(shape(Attribute.ints("strides", 3, 2), Attribute.ints("output_padding", 1, 1))).isEqualTo("f32[1,2,10,8]");
    assertThat(shape(Attribute.ints("strides", 2, 2), Attribute.of("auto_pad", "SAME_UPPER"))).isEqualTo("f32[1,2,6,6]");
    assertThat(shape(Attribute.ints("strides", 3, 2), Attribute.ints("pads", 1, 2, 1, 2))).isEqualTo("f32[1,2,7,3]");
    assertThat(shape(Attribute.of("group", 2L))).isEqualTo("f32[1,4,5,5]");
  }

  @Test
  void unknownSpatialDimsStayUnknown() {
    TensorType x = new TensorType(DType.FLOAT, List.of(Dim.of(1), Dim.of(1), Dim.symbol("H"), Dim.of(3)));
    assertThat(infer(new ConvTranspose(), 22, List.of(), typed(x), typed(W)).get(0).toString()).isEqualTo("f32[1,2,?,?]");
  }

  @Test
  void poolingShapes() {
    TensorType x = TensorType.of(DType.FLOAT, Shape.of(1, 3, 4, 4));
    assertThat(infer(new LpPool(), 18, List.of(Attribute.ints("kernel_shape", 2, 2), Attribute.ints("strides", 2, 2)),
        typed(x)).get(0).toString()).isEqualTo("f32[1,3,2,2]");
    assertThat(infer(new GlobalLpPool(), 2, List.of(), typed(x)).get(0).toString()).isEqualTo("f32[1,3,1,1]");
    TensorType pooled = TensorType.of(DType.FLOAT, Shape.of(1, 3, 2, 2));
    assertThat(infer(new MaxUnpool(), 11, List.of(Attribute.ints("kernel_shape", 2, 2), Attribute.ints("strides", 2, 2)),
        typed(pooled), typed(TensorType.of(DType.INT64, Shape.of(1, 3, 2, 2)))).get(0).toString()).isEqualTo("f32[1,3,4,4]");
  }
}
