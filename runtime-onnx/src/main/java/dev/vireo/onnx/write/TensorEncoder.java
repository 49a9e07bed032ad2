package dev.vireo.onnx.write;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.vireo.onnx.proto.TensorProto;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a {@link Tensor} as an ONNX {@link TensorProto}: numeric and bool elements in {@code
 * raw_data} (little-endian; 4-bit types packed two per byte and 2-bit types four per byte,
 * first element in the lowest bits), strings in {@code string_data} as UTF-8.
 */
public final class TensorEncoder {
  private TensorEncoder() {}

  /** Encodes {@code t} under {@code name} (may be null or empty for an unnamed tensor). */
  public static TensorProto encode(Tensor t, String name) {
    DType type = t.dtype();
    TensorProto.Builder b = TensorProto.newBuilder().setDataType(type.onnxCode());
    if (name != null && !name.isEmpty()) {
      b.setName(name);
    }
    for (int d : t.shape().dims()) {
      b.addDims(d);
    }
    if (type == DType.STRING) {
      for (String s : t.strings()) {
        b.addStringData(ByteString.copyFrom(s, StandardCharsets.UTF_8));
      }
      return b.build();
    }
    // raw() returns a fresh buffer nobody else holds: wrapping it saves a copy of the weights.
    return b.setRawData(UnsafeByteOperations.unsafeWrap(raw(t))).build();
  }

  /** The packed little-endian bytes of a non-string tensor. */
  static ByteBuffer raw(Tensor t) {
    int n = t.size();
    DType type = t.dtype();
    int bits =
        switch (type) {
          case INT4, UINT4, FLOAT4E2M1 -> 4;
          case INT2, UINT2 -> 2;
          default -> 8;
        };
    if (bits < 8) {
      int perByte = 8 / bits;
      int mask = (1 << bits) - 1;
      byte[] src = t.bytes();
      byte[] out = new byte[(n + perByte - 1) / perByte];
      for (int i = 0; i < n; i++) {
        out[i / perByte] |= (byte) ((src[i] & mask) << ((i % perByte) * bits));
      }
      return ByteBuffer.wrap(out);
    }
    ByteBuffer buf = ByteBuffer.allocate(n * type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    switch (type.storage()) {
      case FLOAT -> buf.asFloatBuffer().put(t.floats());
      case DOUBLE -> buf.asDoubleBuffer().put(t.doubles());
      case SHORT -> buf.asShortBuffer().put(t.shorts());
      case INT -> buf.asIntBuffer().put(t.ints());
      case LONG -> buf.asLongBuffer().put(t.longs());
      case BYTE -> buf.put(t.bytes()).flip();
      case BOOLEAN -> {
        for (boolean v : t.booleans()) {
          buf.put((byte) (v ? 1 : 0));
        }
        buf.flip();
      }
      default -> throw new IllegalArgumentException("element type " + type + " cannot be encoded");
    }
    return buf;
  }
}
