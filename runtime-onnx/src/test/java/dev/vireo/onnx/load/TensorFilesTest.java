package dev.vireo.onnx.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.error.ModelLoadException;
import dev.vireo.onnx.proto.OptionalProto;
import dev.vireo.onnx.proto.SequenceProto;
import dev.vireo.onnx.write.TensorEncoder;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFilesTest {
  @TempDir Path dir;

  @Test
  void writeThenReadEveryStorageClass() {
    List<Tensor> tensors = List.of(
        Tensor.of(new float[] {1, -2.5f, 3, 4, 5, 6}, 2, 3),
        Tensor.of(new double[] {Math.PI}),
        Tensor.of(new long[] {Long.MAX_VALUE, -1}, 2),
        Tensor.of(new int[] {7, -8}, 2),
        Tensor.of(new boolean[] {true, false, true}, 3),
        Tensor.of(new String[] {"a", "ßü"}, 2),
        Tensor.wrap(DType.FLOAT16, Shape.of(2), new short[] {0x3c00, (short) 0xc000}),
        Tensor.wrap(DType.UINT8, Shape.of(2), new byte[] {(byte) 250, 1}),
        Tensor.wrap(DType.INT4, Shape.of(3), new byte[] {-8, 7, -1}),
        Tensor.wrap(DType.UINT4, Shape.of(3), new byte[] {15, 0, 9}),
        Tensor.wrap(DType.INT2, Shape.of(5), new byte[] {-2, -1, 0, 1, -2}),
        Tensor.zeros(DType.FLOAT, Shape.of(0, 4)));
    for (int i = 0; i < tensors.size(); i++) {
      Tensor t = tensors.get(i);
      Path f = dir.resolve("t" + i + ".pb");
      TensorFiles.write(t, "x" + i, f);
      Tensor back = TensorFiles.read(f);
      assertThat(back.dtype()).isEqualTo(t.dtype());
      assertThat(back.shape()).isEqualTo(t.shape());
      assertThat(back.data()).as(t.describe()).isEqualTo(t.data());
    }
  }

  @Test
  void readsSequencesAndOptionals() throws Exception {
    Path seq = dir.resolve("seq.pb");
    Files.write(seq, SequenceProto.newBuilder().setElemType(SequenceProto.DataType.TENSOR_VALUE)
        .addTensorValues(TensorEncoder.encode(Tensor.of(new float[] {1, 2}, 2), "a"))
        .addTensorValues(TensorEncoder.encode(Tensor.scalar(3L), "b"))
        .build().toByteArray());
    List<Tensor> s = TensorFiles.readSequence(seq);
    assertThat(s).hasSize(2);
    assertThat(s.get(0).floats()).containsExactly(1f, 2f);
    assertThat(s.get(1).longs()).containsExactly(3L);

    Path some = dir.resolve("some.pb");
    Files.write(some, OptionalProto.newBuilder().setElemType(OptionalProto.DataType.TENSOR_VALUE)
        .setTensorValue(TensorEncoder.encode(Tensor.of(new int[] {5}, 1), "o")).build().toByteArray());
    assertThat(TensorFiles.readOptional(some).ints()).containsExactly(5);

    Path none = dir.resolve("none.pb");
    Files.write(none, OptionalProto.newBuilder().setName("empty").build().toByteArray());
    assertThat(TensorFiles.readOptional(none)).isNull();
    assertThat(TensorFiles.readOptionalSequence(none)).isNull();

    Path someSeq = dir.resolve("someseq.pb");
    Files.write(someSeq, OptionalProto.newBuilder().setElemType(OptionalProto.DataType.SEQUENCE_VALUE)
        .setSequenceValue(SequenceProto.parseFrom(Files.readAllBytes(seq))).build().toByteArray());
    assertThat(TensorFiles.readOptionalSequence(someSeq)).hasSize(2);
    assertThatThrownBy(() -> TensorFiles.readOptional(someSeq)).hasMessageContaining("sequence");
  }

  @Test
  void badFilesNameTheFile() throws Exception {
    Path missing = dir.resolve("missing.pb");
    assertThatThrownBy(() -> TensorFiles.read(missing))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("not found");
    Path empty = Files.createFile(dir.resolve("empty.pb"));
    assertThatThrownBy(() -> TensorFiles.read(empty)).hasMessageContaining("empty");
    Path garbage = dir.resolve("garbage.pb");
    Files.write(garbage, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01});
    assertThatThrownBy(() -> TensorFiles.read(garbage))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining(garbage.toString());
  }
}
