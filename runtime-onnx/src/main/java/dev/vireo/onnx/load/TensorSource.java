package dev.vireo.onnx.load;

import com.google.protobuf.UnknownFieldSet;
import dev.vireo.onnx.proto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the bytes of tensors in one parsed file come from: the folder external data is resolved
 * in (null: external data not allowed) and the raw data {@link RawDataSplitter} left in the
 * memory-mapped file.
 */
record TensorSource(Path baseDir, List<ByteBuffer> raw) {
  static TensorSource of(Path baseDir) {
    return new TensorSource(baseDir, List.of());
  }

  /** Whether the raw_data of {@code p} was split out of the file. */
  boolean hasSplitRawData(TensorProto p) {
    return p.getUnknownFields().hasField(RawDataSplitter.MARKER_FIELD);
  }

  /**
   * The split-out raw_data of {@code p} (a read-only view of the mapping).
   *
   * @throws IllegalStateException when the marker does not index this source's slices
   */
  ByteBuffer splitRawData(TensorProto p) {
    UnknownFieldSet.Field f = p.getUnknownFields().getField(RawDataSplitter.MARKER_FIELD);
    List<Long> v = f.getVarintList();
    // Like protobuf's "last value wins" for a repeated optional field.
    long i = v.isEmpty() ? -1 : v.get(v.size() - 1);
    if (i < 0 || i >= raw.size()) {
      throw new IllegalStateException("raw data marker " + i + " does not belong to this file");
    }
    return raw.get((int) i).duplicate();
  }
}
