package dev.vireo.quantize.calibrate;

import dev.vireo.tensor.Npy;
import dev.vireo.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Calibration inputs: a folder with one subfolder per sample, each holding one {@code NAME.npy}
 * per model input ({@code DIR/<sample>/<input>.npy}); samples are taken in name order and read
 * when asked for. A set can also be built in memory with {@link #of}.
 */
public final class CalibrationSet {
  /** The layout, as the command help and error messages state it. */
  public static final String LAYOUT = "DIR/<sample>/<input>.npy, one subfolder per sample";

  private final List<Path> sampleDirs;
  private final List<Map<String, Tensor>> samples;
  private final List<String> inputs;

  private CalibrationSet(List<Path> sampleDirs, List<Map<String, Tensor>> samples, List<String> inputs) {
    this.sampleDirs = sampleDirs;
    this.samples = samples;
    this.inputs = inputs;
  }

  /** Samples given in memory, each mapping every input name to a tensor. */
  public static CalibrationSet of(List<Map<String, Tensor>> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a calibration set needs at least one sample");
    }
    return new CalibrationSet(null, List.copyOf(samples), List.copyOf(samples.get(0).keySet()));
  }

  /**
   * Opens a calibration folder for a model with these required inputs.
   *
   * @throws IllegalArgumentException naming the folder, or the sample and input, when the layout
   *     is not {@link #LAYOUT} or an input file is missing
   */
  public static CalibrationSet open(Path dir, List<String> inputs) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("calibration folder not found: " + dir + " (expected " + LAYOUT + ")");
    }
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(Files::isDirectory).sorted().forEach(dirs::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list calibration folder " + dir + ": " + e.getMessage(), e);
    }
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException("calibration folder " + dir + " has no sample subfolders (expected "
          + LAYOUT + ")");
    }
    for (Path d : dirs) {
      for (String in : inputs) {
        if (!Files.isRegularFile(d.resolve(in + ".npy"))) {
          throw new IllegalArgumentException("calibration sample " + d + " lacks input '" + in + "' (expected "
              + d.resolve(in + ".npy") + ")");
        }
      }
    }
    return new CalibrationSet(List.copyOf(dirs), null, List.copyOf(inputs));
  }

  public int size() {
    return samples != null ? samples.size() : sampleDirs.size();
  }

  /** Sample i: input name to tensor. */
  public Map<String, Tensor> sample(int i) {
    if (samples != null) {
      return samples.get(i);
    }
    Map<String, Tensor> feeds = new LinkedHashMap<>();
    for (String in : inputs) {
      Path f = sampleDirs.get(i).resolve(in + ".npy");
      try {
        feeds.put(in, Npy.read(f));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("calibration input " + f + ": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableMap(feeds);
  }
}
