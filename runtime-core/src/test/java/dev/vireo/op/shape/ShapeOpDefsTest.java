package dev.vireo.op.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDefHarness;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeOpDefsTest {
  private static Tensor longs(long... v) {
    return Tensor.of(v, v.length);
  }

  @Test
  void reshapeWithConstantShape() {
    assertThat(OpDefHarness.op("Reshape", 13).in("f32[B,S,768]").in(longs(0, 0, 12, 64)).inferOne())
        .isEqualTo("f32[B,S,12,64]");
    assertThat(OpDefHarness.op("Reshape", 13).in("f32[2,3,4]").in(longs(-1, 4)).inferOne())
        .isEqualTo("f32[6,4]");
    assertThat(OpDefHarness.op("Reshape", 13).in("f32[B,3,4]").in(longs(-1, 4)).inferOne())
        .isEqualTo("f32[?,4]");
    assertThat(OpDefHarness.op("Reshape", 14).in("f32[0,3]").in(longs(3, 0)).attr("allowzero", 1L).inferOne())
        .isEqualTo("f32[3,0]");
    // a shape computed at run time: only the rank is known
    assertThat(OpDefHarness.op("Reshape", 13).in("f32[B,3]").in("i64[3]").inferOne()).isEqualTo("f32[?,?,?]");
    assertThatThrownBy(() -> OpDefHarness.op("Reshape", 13).in("f32[2,3]").in(longs(4, -1)).inferOne())
        .hasMessage("cannot reshape f32[2,3] to [4, -1]: 6 elements do not divide into dims of product 4");
    assertThatThrownBy(() -> OpDefHarness.op("Reshape", 13).in("f32[2,3]").in(longs(5)).inferOne())
        .hasMessage("cannot reshape f32[2,3] (6 elements) to [5] (5 elements)");
  }

  @Test
  void reshapeReadsConstantNodes() {
    // the shape comes from a Constant node in its value_ints form
    Value shape = new Value("shape", null);
    new Node("c", "", "Constant", 13, List.of(), List.of(shape),
        Map.of("value_ints", Attribute.ints("value_ints", 8)));
    Value x = new Value("x", OpDefHarness.parse("f32[4,2]"));
    Node n = new Node("r", "", "Reshape", 13, List.of(x, shape),
        List.of(new Value("y", null)), Map.of());
    assertThat(new ReshapeDef().infer(new InferenceContext(n)).get(0).toString())
        .isEqualTo("f32[8]");
  }

  @Test
  void flattenTransposeConcat() {
    assertThat(OpDefHarness.op("Flatten", 13).in("f32[N,2048,1,1]").inferOne()).isEqualTo("f32[N,2048]");
    assertThat(OpDefHarness.op("Flatten", 13).in("f32[2,3,4]").attr("axis", -1L).inferOne())
        .isEqualTo("f32[6,4]");
    assertThat(OpDefHarness.op("Flatten", 13).in("f32[2,3,4]").attr("axis", 0L).inferOne())
        .isEqualTo("f32[1,24]");
    assertThat(OpDefHarness.op("Transpose", 13).in("f32[B,S,H,D]").ints("perm", 0, 2, 1, 3).inferOne())
        .isEqualTo("f32[B,H,S,D]");
    assertThat(OpDefHarness.op("Transpose", 13).in("f32[2,3]").inferOne()).isEqualTo("f32[3,2]");
    assertThatThrownBy(() -> OpDefHarness.op("Transpose", 13).in("f32[2,3]").ints("perm", 0).inferOne())
        .hasMessage("Transpose: perm [0] is not a permutation of the 2 dims of f32[2,3]");
    assertThat(OpDefHarness.op("Concat", 13).in("f32[B,2]").in("f32[B,3]").attr("axis", -1L).inferOne())
        .isEqualTo("f32[B,5]");
    assertThat(OpDefHarness.op("Concat", 13).in("f32[S,2]").in("f32[4,2]").attr("axis", 0L).inferOne())
        .isEqualTo("f32[?,2]");
    assertThatThrownBy(() -> OpDefHarness.op("Concat", 13).in("f32[2,2]").in("f32[2,3]").attr("axis", 0L)
        .inferOne()).hasMessage("Concat on axis 0: f32[2,2] and f32[2,3] differ in dim 1");
  }

  @Test
  void gatherShapeSqueezeUnsqueeze() {
    assertThat(OpDefHarness.op("Gather", 13).in("f32[30522,768]").in("i64[B,S]").inferOne())
        .isEqualTo("f32[B,S,768]");
    assertThat(OpDefHarness.op("Gather", 13).in("i64[4]").in("i64[]").inferOne()).isEqualTo("i64[]");
    assertThatThrownBy(() -> OpDefHarness.op("Gather", 13).in("f32[4]").in("f32[1]").inferOne())
        .hasMessage("Gather indices must be int32 or int64, got f32[1]");
    assertThat(OpDefHarness.op("Shape", 13).in("f32[B,S,768]").inferOne()).isEqualTo("i64[3]");
    assertThat(OpDefHarness.op("Shape", 15).in("f32[B,S,768]").attr("start", -2L).inferOne())
        .isEqualTo("i64[2]");
    assertThat(OpDefHarness.op("Unsqueeze", 13).in("i64[B,S]").in(longs(1, 2)).inferOne())
        .isEqualTo("i64[B,1,1,S]");
    assertThat(OpDefHarness.op("Unsqueeze", 11).in("i64[]").ints("axes", 0).inferOne()).isEqualTo("i64[1]");
    assertThat(OpDefHarness.op("Squeeze", 13).in("f32[1,S,1]").in(longs(-1)).inferOne()).isEqualTo("f32[1,S]");
    assertThat(OpDefHarness.op("Squeeze", 13).in("f32[1,3,1]").inferOne()).isEqualTo("f32[3]");
    assertThat(OpDefHarness.op("Squeeze", 11).in("f32[1,3,1]").ints("axes", 0).inferOne()).isEqualTo("f32[3,1]");
    assertThatThrownBy(() -> OpDefHarness.op("Squeeze", 13).in("f32[2,3]").in(longs(0)).inferOne())
        .hasMessage("Squeeze: dim 0 of f32[2,3] is 2, not 1");
    assertThatThrownBy(() -> OpDefHarness.op("Unsqueeze", 13).in("f32[2]").in(longs(3)).inferOne())
        .hasMessageContaining("axes [3] are out of range or repeated for output rank 2 of f32[2]");
  }

  @Test
  void constantIdentityDropout() {
    assertThat(OpDefHarness.op("Constant", 13).ints("value_ints", 1, 2, 3).inferOne()).isEqualTo("i64[3]");
    assertThat(OpDefHarness.op("Constant", 13).attr(Attribute.of("value_float", 1f)).inferOne())
        .isEqualTo("f32[]");
    assertThatThrownBy(() -> OpDefHarness.op("Constant", 13).inferOne())
        .hasMessage("Constant needs exactly one value attribute, found 0");
    assertThat(OpDefHarness.op("Identity", 16).in("f32[N]").inferOne()).isEqualTo("f32[N]");
    assertThat(OpDefHarness.op("Dropout", 13).in("f32[N]").outputs(2).infer()).containsExactly("f32[N]", "bool[N]");
  }
}
