package dev.vireo.cli;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.error.InferenceException;
import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.ir.Model;
import dev.vireo.onnx.load.OnnxLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loading and running for the commands, with every failure mapped to the exception that carries
 * its exit code: loading problems become {@link ModelLoadException}, run problems {@link
 * InferenceException}, while {@link IllegalArgumentException} (a caller error) passes through.
 */
final class Models {
  private Models() {}

  /** Loads a model file; any failure is a {@link ModelLoadException} naming the file. */
  static Model load(Path file) {
    if (!Files.exists(file)) {
      throw new ModelLoadException(Phase.LOAD, "model file not found: " + file);
    }
    if (Files.isDirectory(file)) {
      throw new ModelLoadException(Phase.LOAD, file + " is a directory, not a model file");
    }
    try {
      return OnnxLoader.load(file);
    } catch (ModelLoadException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new ModelLoadException(Phase.LOAD, file + ": " + Failures.message(e), e);
    }
  }

  /** Plans a loaded model; kernels that are missing or reject a node are a {@link ModelLoadException}. */
  static Session session(Model model, int threads) {
    return session(model, SessionOptions.defaults().withThreads(threads));
  }

  /** As {@link #session(Model, int)} with all options given. */
  static Session session(Model model, SessionOptions options) {
    try {
      return Vireo.create(model, options);
    } catch (ModelLoadException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new ModelLoadException(Phase.PLAN, Failures.message(e), e);
    }
  }

  /** Runs a session; a caller error stays an {@link IllegalArgumentException}. */
  static Map<String, Object> run(Session session, Map<String, Object> feeds) {
    try {
      return session.runValues(feeds);
    } catch (IllegalArgumentException | InferenceException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new InferenceException(null, Failures.message(e), e);
    }
  }
}
