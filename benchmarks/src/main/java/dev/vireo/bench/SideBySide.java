package dev.vireo.bench;

import dev.vireo.Session;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two methods every model benchmark times, {@code vireo} and {@code onnxruntime} (the names
 * {@link dev.vireo.bench.report.Report} pairs), on one model file fed the same inputs. A subclass's
 * trial setup writes or copies {@link #file}, opens both sessions and sets the feeds; the model
 * file is deleted at tear-down.
 */
public abstract class SideBySide {
  protected Session vireo;
  protected Map<String, Tensor> feeds;
  protected OrtRunner ort;
  protected Path file;

  @Benchmark
  public Map<String, Tensor> vireo() {
    return vireo.run(feeds);
  }

  @Benchmark
  public int onnxruntime() throws Exception {
    return ort.run();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    vireo.close();
    ort.close();
    Files.deleteIfExists(file);
  }
}
