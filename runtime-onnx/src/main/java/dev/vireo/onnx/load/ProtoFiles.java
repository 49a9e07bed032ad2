package dev.vireo.onnx.load;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Parses protobuf files from a read-only memory mapping with aliasing on, so {@code bytes}
 * fields (raw tensor data) are views of the mapping rather than heap copies.
 *
 * <p>The mapping stays valid as long as any parsed message referencing it is reachable; it is
 * released by the garbage collector afterwards.
 */
final class ProtoFiles {
  /** Deepest message nesting accepted; real models nest subgraphs a few levels deep. */
  static final int RECURSION_LIMIT = 200;

  private ProtoFiles() {}

  /**
   * Parses {@code file} with {@code parser}.
   *
   * @throws ModelLoadException (phase LOAD) naming the file when it is missing, empty, larger
   *     than 2 GiB or not a valid message
   */
  static <T> T parse(Path file, Parser<T> parser, String what) {
    MappedByteBuffer buf = map(file);
    if (buf.remaining() == 0) {
      throw new ModelLoadException(Phase.LOAD, file + ": the file is empty");
    }
    CodedInputStream in = CodedInputStream.newInstance(buf);
    in.enableAliasing(true);
    in.setRecursionLimit(RECURSION_LIMIT);
    in.setSizeLimit(buf.remaining());
    try {
      T msg = parser.parseFrom(in);
      if (!in.isAtEnd()) {
        throw new ModelLoadException(
            Phase.LOAD, file + ": not a valid " + what + " file (trailing bytes after the message)");
      }
      return msg;
    } catch (InvalidProtocolBufferException e) {
      throw new ModelLoadException(
          Phase.LOAD, file + ": not a valid " + what + " file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ModelLoadException(Phase.LOAD, file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Maps the whole file read-only; the channel can be closed once mapped. */
  static MappedByteBuffer map(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new ModelLoadException(
            Phase.LOAD,
            file + ": the file has " + size + " bytes; protobuf files are limited to 2 GiB"
                + " (large weights belong in external data)");
      }
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (NoSuchFileException e) {
      throw new ModelLoadException(Phase.LOAD, file + ": file not found", e);
    } catch (IOException e) {
      throw new ModelLoadException(
          Phase.LOAD,
          file + ": cannot read" + (Files.isDirectory(file) ? " (it is a directory)" : "")
              + ": " + e, e);
    }
  }
}
