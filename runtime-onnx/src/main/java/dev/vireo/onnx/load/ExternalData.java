package dev.vireo.onnx.load;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.onnx.proto.StringStringEntryProto;
import dev.vireo.onnx.proto.TensorProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensor bytes stored outside the model file ({@code data_location = EXTERNAL}, keys {@code
 * location}, {@code offset}, {@code length}).
 *
 * <p>The location must name a file inside the model's folder: absolute paths, {@code ..}
 * segments and symbolic links that lead outside it are rejected (real paths are compared), so a
 * model cannot make the loader read arbitrary files. The bytes are memory-mapped read-only in
 * chunks below 2 GiB, so files, offsets and tensors beyond 2 GiB work.
 */
final class ExternalData {
  /** Chunk size for mappings: below the 2 GiB limit of one mapping, a multiple of every element size. */
  static final long CHUNK = 1L << 30;

  private ExternalData() {}

  /**
   * Maps {@code byteCount} bytes of the tensor's external data.
   *
   * @param baseDir the model's folder; null when external data is not allowed
   * @return little-endian read-only buffers covering the bytes in order, each below 2 GiB
   * @throws ModelLoadException when the location is missing, escapes {@code baseDir}, or the file
   *     is too short or its length disagrees with {@code byteCount}
   */
  static List<ByteBuffer> read(TensorProto p, Path baseDir, long byteCount, String label) {
    String location = null;
    long offset = 0;
    long length = -1;
    for (StringStringEntryProto e : p.getExternalDataList()) {
      switch (e.getKey()) {
        case "location" -> location = e.getValue();
        case "offset" -> offset = parseLong(e.getValue(), "offset", label);
        case "length" -> length = parseLong(e.getValue(), "length", label);
        default -> {} // "checksum" and unknown keys carry nothing we need
      }
    }
    if (baseDir == null) {
      throw error(label, "external data is not allowed here (no model folder to resolve it in)");
    }
    if (location == null || location.isEmpty()) {
      throw error(label, "external data has no 'location'");
    }
    if (length >= 0 && length != byteCount) {
      throw error(label, "external data 'length' is " + length + " bytes, the tensor needs " + byteCount);
    }
    Path file = resolve(baseDir, location, label);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (offset > size || byteCount > size - offset) {
        throw error(
            label,
            "external data file '" + location + "' has " + size + " bytes, the tensor needs "
                + byteCount + " bytes at offset " + offset);
      }
      List<ByteBuffer> chunks = new ArrayList<>();
      for (long done = 0; done < byteCount; done += CHUNK) {
        long n = Math.min(CHUNK, byteCount - done);
        chunks.add(ch.map(FileChannel.MapMode.READ_ONLY, offset + done, n));
      }
      return chunks;
    } catch (NoSuchFileException e) {
      throw error(label, "external data file '" + location + "' not found");
    } catch (IOException e) {
      throw error(label, "cannot read external data file '" + location + "': " + e.getMessage());
    }
  }

  /** Resolves a location inside baseDir, rejecting every way out of it. */
  static Path resolve(Path baseDir, String location, String label) {
    Path rel;
    try {
      rel = Path.of(location);
    } catch (InvalidPathException e) {
      throw error(label, "external data location '" + location + "' is not a valid path");
    }
    if (rel.isAbsolute() || rel.getRoot() != null || location.startsWith("/")
        || location.startsWith("\\")) {
      throw error(label, "external data location '" + location + "' is an absolute path; it must be relative to the model's folder");
    }
    Path base = baseDir.toAbsolutePath().normalize();
    Path file = base.resolve(rel).normalize();
    if (!file.startsWith(base) || file.equals(base)) {
      throw error(label, "external data location '" + location + "' points outside the model's folder");
    }
    Path realBase;
    Path realFile;
    try {
      realBase = base.toRealPath();
    } catch (IOException e) {
      throw error(label, "model folder " + base + " is not readable: " + e.getMessage());
    }
    try {
      realFile = file.toRealPath();
    } catch (NoSuchFileException e) {
      throw error(label, "external data file '" + location + "' not found");
    } catch (IOException e) {
      throw error(label, "cannot resolve external data file '" + location + "': " + e.getMessage());
    }
    if (!realFile.startsWith(realBase)) {
      throw error(label, "external data location '" + location + "' resolves to " + realFile + ", outside the model's folder");
    }
    return realFile;
  }

  private static long parseLong(String s, String key, String label) {
    try {
      long v = Long.parseLong(s.trim());
      if (v < 0) {
        throw error(label, "external data '" + key + "' is negative: " + s);
      }
      return v;
    } catch (NumberFormatException e) {
      throw error(label, "external data '" + key + "' is not a number: '" + s + "'");
    }
  }

  private static ModelLoadException error(String label, String reason) {
    return new ModelLoadException(Phase.LOAD, label + ": " + reason);
  }
}
