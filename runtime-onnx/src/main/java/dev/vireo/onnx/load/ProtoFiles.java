package dev.vireo.onnx.load;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Parses protobuf files from a read-only memory mapping.
 *
 * <p>For models and tensors the raw tensor bytes are split out first ({@link RawDataSplitter}):
 * protobuf parses only the structure, and the bytes stay in the mapping until {@link
 * TensorDecoder} decodes them, so the decoded arrays are their only heap copy. The mapping stays
 * valid as long as a slice of it is reachable and is released by the garbage collector after.
 */
final class ProtoFiles {
  /** Deepest message nesting accepted; real models nest subgraphs a few levels deep. */
  static final int RECURSION_LIMIT = 200;

  private ProtoFiles() {}

  /** A parsed message and the tensor bytes split out of it. */
  record Parsed<T>(T message, TensorSource tensors) {}

  /**
   * Parses {@code file} with {@code parser}.
   *
   * @param root the message kind, when its raw tensor data should be split out; null to parse
   *     the whole file as is
   * @throws ModelLoadException (phase LOAD) naming the file when it is missing, empty, larger
   *     than 2 GiB or not a valid message
   */
  static <T> Parsed<T> parse(Path file, Parser<T> parser, String what, RawDataSplitter.Kind root) {
    MappedByteBuffer buf = map(file);
    if (buf.remaining() == 0) {
      throw new ModelLoadException(Phase.LOAD, file + ": the file is empty");
    }
    try {
      List<ByteBuffer> raw = List.of();
      CodedInputStream in;
      if (root != null) {
        RawDataSplitter.Split split = RawDataSplitter.split(buf, root);
        raw = split.raw();
        in = CodedInputStream.newInstance(split.structure());
      } else {
        in = CodedInputStream.newInstance(buf);
      }
      in.enableAliasing(true);
      in.setRecursionLimit(RECURSION_LIMIT);
      in.setSizeLimit(Integer.MAX_VALUE);
      T msg = parser.parseFrom(in);
      if (!in.isAtEnd()) {
        throw new ModelLoadException(
            Phase.LOAD, file + ": not a valid " + what + " file (trailing bytes after the message)");
      }
      return new Parsed<>(msg, new TensorSource(file.toAbsolutePath().getParent(), raw));
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
