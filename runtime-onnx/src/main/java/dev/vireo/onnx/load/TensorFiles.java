package dev.vireo.onnx.load;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.onnx.proto.OptionalProto;
import dev.vireo.onnx.proto.SequenceProto;
import dev.vireo.onnx.proto.TensorProto;
import dev.vireo.onnx.write.TensorEncoder;
import dev.vireo.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes single values stored as serialized protobuf messages, as in the ONNX backend
 * test data ({@code input_0.pb}, {@code output_0.pb}): a {@link TensorProto}, a {@link
 * SequenceProto} of tensors, or an {@link OptionalProto}.
 *
 * <p>External data named by a tensor file is resolved in the file's own folder.
 */
public final class TensorFiles {
  private TensorFiles() {}

  /**
   * Reads a serialized TensorProto.
   *
   * @throws ModelLoadException naming the file when it is missing or malformed
   */
  public static Tensor read(Path pbFile) {
    ProtoFiles.Parsed<TensorProto> p =
        ProtoFiles.parse(pbFile, TensorProto.parser(), "TensorProto", RawDataSplitter.Kind.TENSOR);
    return decode(p.message(), p.tensors(), pbFile);
  }

  /**
   * Reads a serialized SequenceProto whose elements are tensors.
   *
   * @throws ModelLoadException naming the file when it is malformed or holds non-tensor elements
   */
  public static List<Tensor> readSequence(Path pbFile) {
    ProtoFiles.Parsed<SequenceProto> s =
        ProtoFiles.parse(pbFile, SequenceProto.parser(), "SequenceProto", null);
    return tensors(s.message(), s.tensors(), pbFile);
  }

  /**
   * Reads a serialized OptionalProto holding a tensor.
   *
   * @return the tensor, or null when the optional is empty
   * @throws ModelLoadException naming the file when it is malformed or holds something else
   */
  public static Tensor readOptional(Path pbFile) {
    ProtoFiles.Parsed<OptionalProto> parsed =
        ProtoFiles.parse(pbFile, OptionalProto.parser(), "OptionalProto", null);
    OptionalProto o = parsed.message();
    if (o.hasSequenceValue() || o.getElemType() == OptionalProto.DataType.SEQUENCE_VALUE) {
      throw new ModelLoadException(
          Phase.LOAD, pbFile + ": the optional holds a sequence; use readOptionalSequence");
    }
    if (o.hasSparseTensorValue() || o.hasMapValue() || o.hasOptionalValue()) {
      throw new ModelLoadException(
          Phase.LOAD, pbFile + ": only optionals of tensors or sequences are supported");
    }
    return o.hasTensorValue() ? decode(o.getTensorValue(), parsed.tensors(), pbFile) : null;
  }

  /**
   * Reads a serialized OptionalProto holding a sequence of tensors.
   *
   * @return the tensors, or null when the optional is empty
   */
  public static List<Tensor> readOptionalSequence(Path pbFile) {
    ProtoFiles.Parsed<OptionalProto> parsed =
        ProtoFiles.parse(pbFile, OptionalProto.parser(), "OptionalProto", null);
    OptionalProto o = parsed.message();
    if (o.hasTensorValue() || o.hasSparseTensorValue() || o.hasMapValue() || o.hasOptionalValue()) {
      throw new ModelLoadException(
          Phase.LOAD, pbFile + ": the optional does not hold a sequence of tensors");
    }
    return o.hasSequenceValue() ? tensors(o.getSequenceValue(), parsed.tensors(), pbFile) : null;
  }

  /**
   * Writes {@code t} as a serialized TensorProto named {@code name}.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(Tensor t, String name, Path pbFile) {
    try (OutputStream out = Files.newOutputStream(pbFile)) {
      TensorEncoder.encode(t, name).writeTo(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + pbFile + ": " + e.getMessage(), e);
    }
  }

  private static List<Tensor> tensors(SequenceProto s, TensorSource source, Path file) {
    int kind = s.getElemType();
    boolean tensorsOnly =
        s.getSparseTensorValuesCount() == 0 && s.getSequenceValuesCount() == 0
            && s.getMapValuesCount() == 0 && s.getOptionalValuesCount() == 0;
    if (!tensorsOnly || (kind != SequenceProto.DataType.TENSOR_VALUE
        && kind != SequenceProto.DataType.UNDEFINED_VALUE)) {
      throw new ModelLoadException(
          Phase.LOAD, file + ": only sequences of tensors are supported (elem_type " + kind + ")");
    }
    List<Tensor> r = new ArrayList<>(s.getTensorValuesCount());
    for (TensorProto t : s.getTensorValuesList()) {
      r.add(decode(t, source, file));
    }
    return r;
  }

  private static Tensor decode(TensorProto p, TensorSource source, Path file) {
    try {
      return TensorDecoder.decodeFrom(p, source);
    } catch (ModelLoadException e) {
      throw new ModelLoadException(e.phase(), file + ": " + e.reason(), e);
    }
  }
}
