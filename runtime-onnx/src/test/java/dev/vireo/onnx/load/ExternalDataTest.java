package dev.vireo.onnx.load;

import static dev.vireo.onnx.load.Protos.f32;
import static dev.vireo.onnx.load.Protos.model;
import static dev.vireo.onnx.load.Protos.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.junit.jupiter.api.Assumptions;

import dev.vireo.error.ModelLoadException;
import dev.vireo.ir.Model;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.StringStringEntryProto;
import dev.vireo.onnx.proto.TensorProto;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalDataTest {
  @TempDir Path root;

  private static TensorProto external(String location, long offset, long length, long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName("w").setDataType(1)
        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(entry("location", location));
    if (offset >= 0) {
      t.addExternalData(entry("offset", Long.toString(offset)));
    }
    if (length >= 0) {
      t.addExternalData(entry("length", Long.toString(length)));
    }
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  private static StringStringEntryProto entry(String k, String v) {
    return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
  }

  private static byte[] floatsLE(float... v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  /** Writes a model whose initializer "w" is the given tensor, into {@code dir}. */
  private static Path modelWith(Path dir, TensorProto w) throws IOException {
    Files.createDirectories(dir);
    GraphProto g = GraphProto.newBuilder()
        .addInitializer(w)
        .addNode(node("Identity", List.of("w"), List.of("y")))
        .addOutput(f32("y"))
        .build();
    return Protos.write(dir.resolve("model.onnx"), model(g));
  }

  @Test
  void readsExternalDataAtAnOffset() throws Exception {
    Path dir = root.resolve("m");
    Files.createDirectories(dir.resolve("weights"));
    byte[] data = new byte[8 + 12];
    System.arraycopy(floatsLE(1.5f, -2f, 3f), 0, data, 8, 12);
    Files.write(dir.resolve("weights/w.bin"), data);
    Model m = OnnxLoader.load(modelWith(dir, external("weights/w.bin", 8, 12, 3)));
    assertThat(m.graph().initializers().get(0).initializer().floats()).containsExactly(1.5f, -2f, 3f);
    // "./" and a harmless ".." that stays inside are fine
    m = OnnxLoader.load(modelWith(dir, external("./weights/../weights/w.bin", 8, -1, 3)));
    assertThat(m.graph().initializers().get(0).initializer().floats()).containsExactly(1.5f, -2f, 3f);
  }

  @Test
  void rejectsLocationsOutsideTheModelFolder() throws Exception {
    Path dir = root.resolve("m");
    Path outside = Files.write(root.resolve("secret.bin"), floatsLE(9f));
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external(outside.toString(), 0, 4, 1))))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("tensor 'w'")
        .hasMessageContaining("absolute path")
        .hasMessageContaining(dir.resolve("model.onnx").toString());
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external("../secret.bin", 0, 4, 1))))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("outside the model's folder");
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external("a/../../secret.bin", 0, 4, 1))))
        .hasMessageContaining("outside the model's folder");
    Path link = dir.resolve("link.bin");
    try {
      Files.createSymbolicLink(link, outside);
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("symbolic links not supported here: " + e);
    }
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external("link.bin", 0, 4, 1))))
        .hasMessageContaining("resolves to").hasMessageContaining("outside the model's folder");
    Files.createSymbolicLink(dir.resolve("sub"), root);
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external("sub/secret.bin", 0, 4, 1))))
        .hasMessageContaining("outside the model's folder");
  }

  @Test
  void rejectsMissingShortAndMismatchedData() throws Exception {
    Path dir = root.resolve("m");
    Files.createDirectories(dir);
    Files.write(dir.resolve("w.bin"), floatsLE(1, 2));
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external("none.bin", 0, -1, 1))))
        .hasMessageContaining("'none.bin' not found");
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external("w.bin", 4, -1, 2))))
        .hasMessageContaining("has 8 bytes, the tensor needs 8 bytes at offset 4");
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external("w.bin", 0, 4, 2))))
        .hasMessageContaining("'length' is 4 bytes, the tensor needs 8");
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external("", 0, -1, 2))))
        .hasMessageContaining("no 'location'");
    assertThatThrownBy(() -> OnnxLoader.load(modelWith(dir, external("w.bin", -1, -1, 2).toBuilder().addExternalData(entry("offset", "-5")).build())))
        .hasMessageContaining("'offset' is negative");
  }

  @Test
  void readsDataBeyondTwoGibibytesFromASparseFile() throws Exception {
    Path dir = root.resolve("big");
    Files.createDirectories(dir);
    Path bin = dir.resolve("big.bin");
    long offset = (1L << 31) + 123_456_789L; // above 2 GiB, not chunk-aligned
    try {
      try (RandomAccessFile f = new RandomAccessFile(bin.toFile(), "rw")) {
        f.setLength(offset + 4096);
        f.seek(offset);
        f.write(floatsLE(7f, -8f, 9.5f, 10f));
      }
      Model m = OnnxLoader.load(modelWith(dir, external("big.bin", offset, 16, 2, 2)));
      assertThat(m.graph().initializers().get(0).initializer().floats()).containsExactly(7f, -8f, 9.5f, 10f);
    } finally {
      Files.deleteIfExists(bin);
    }
  }
}
