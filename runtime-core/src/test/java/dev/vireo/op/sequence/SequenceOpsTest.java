package dev.vireo.op.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import dev.vireo.tensor.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceOpsTest {
  private static void infer(GraphBuilder b) {
    ShapeInference.run(b.build().graph(), StandardOps.registry());
  }

  @Test
  void sequenceTypesFollowTheirTensors() {
    GraphBuilder b = new GraphBuilder("seq", 17);
    Value x = b.input("x", DType.FLOAT, 2, 3);
    Value y = b.input("y", DType.FLOAT, 2, 4);
    Value i = b.input("i", DType.INT64, 1);
    Value seq = b.op("SequenceConstruct", x, y);
    Value at = b.op("SequenceAt", seq, i);
    Value inserted = b.op("SequenceInsert", b.op("SequenceEmpty"), x);
    Value erased = b.op("SequenceErase", seq);
    Value len = b.op("SequenceLength", seq);
    Value split = b.op("SplitToSequence", List.of(Attribute.of("axis", 1L), Attribute.of("keepdims", 0L)), x);
    Value splitBy = b.op("SplitToSequence", List.of(Attribute.of("axis", -1L)), x, i);
    Value stacked = b.op("ConcatFromSequence", List.of(Attribute.of("axis", 0L), Attribute.of("new_axis", 1L)), seq);
    for (Value v : List.of(at, inserted, erased, len, split, splitBy, stacked)) {
      b.output(v);
    }
    infer(b);
    assertThat(seq.type().toString()).isEqualTo("seq(f32[2,?])");
    assertThat(at.type().toString()).isEqualTo("f32[2,?]");
    assertThat(inserted.type().toString()).isEqualTo("seq(f32[*])");
    assertThat(erased.type().toString()).isEqualTo("seq(f32[2,?])");
    assertThat(len.type().toString()).isEqualTo("i64[]");
    assertThat(split.type().toString()).isEqualTo("seq(f32[2])");
    assertThat(splitBy.type().toString()).isEqualTo("seq(f32[2,?])");
    assertThat(stacked.type().toString()).isEqualTo("f32[?,?,?]");
  }

  @Test
  void optionalTypesWrapAndUnwrap() {
    GraphBuilder b = new GraphBuilder("opt", 18);
    Value x = b.input("x", DType.FLOAT, 2);
    Value full = b.op("Optional", x);
    Value empty = b.op("Optional", List.of(new Attribute("type", Attribute.Kind.TYPE,
        new ValueType.SequenceType(new ValueType.TensorType(DType.INT32, null)))));
    Value has = b.op("OptionalHasElement", empty);
    Value got = b.op("OptionalGetElement", full);
    Value plain = b.op("OptionalGetElement", x);
    for (Value v : List.of(full, empty, has, got, plain)) {
      b.output(v);
    }
    infer(b);
    assertThat(full.type().toString()).isEqualTo("optional(f32[2])");
    assertThat(empty.type().toString()).isEqualTo("optional(seq(i32[*]))");
    assertThat(has.type().toString()).isEqualTo("bool[]");
    assertThat(got.type().toString()).isEqualTo("f32[2]");
    assertThat(plain.type().toString()).isEqualTo("f32[2]");
  }
}
