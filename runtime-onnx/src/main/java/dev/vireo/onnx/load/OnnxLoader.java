package dev.vireo.onnx.load;

import dev.vireo.ir.Model;
import java.nio.file.Path;

/** Reads an ONNX model file into Vireo's IR. */
public final class OnnxLoader {
  private OnnxLoader() {}

  /**
   * Loads, imports and checks a model; the graph comes back topologically sorted.
   *
   * @throws dev.vireo.error.ModelLoadException with a one-line reason naming the file
   */
  public static Model load(Path file) {
    throw new UnsupportedOperationException("loader arrives with the runtime-onnx work");
  }
}
