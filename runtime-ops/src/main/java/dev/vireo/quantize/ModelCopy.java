package dev.vireo.quantize;

import dev.vireo.ir.Model;
import dev.vireo.onnx.load.OnnxLoader;
import dev.vireo.onnx.write.OnnxWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Deep copies of models, made by writing the ONNX file and loading it again: the copy shares no
 * graph, node, value or tensor with the original, which stays untouched.
 */
public final class ModelCopy {
  private ModelCopy() {}

  public static Model of(Model model) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("vireo-quantize", ".onnx");
      OnnxWriter.write(model, tmp);
      return OnnxLoader.load(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the model through a temporary file: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a leftover temporary file is harmless
        }
      }
    }
  }

  /** The size of the model's ONNX serialization, in bytes. */
  public static long serializedSize(Model model) {
    return OnnxWriter.toProto(model).getSerializedSize();
  }
}
