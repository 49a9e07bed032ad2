package dev.vireo.onnx.load;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Separates tensor bytes from the rest of a serialized ONNX message so that the bytes are never
 * copied onto the heap before decoding.
 *
 * <p>protobuf-java copies a direct (memory-mapped) buffer into a heap array before parsing it, so
 * parsing a 2 GB model would need 2 GB of heap before a single tensor is decoded. Instead this
 * class walks the wire format of the mapped file once and writes a copy of the message
 * <em>structure</em> in which every {@code TensorProto.raw_data} field is replaced by a marker
 * field ({@link #MARKER_FIELD}, a varint index); the raw bytes themselves stay in the mapping
 * and are returned as read-only slices. The structure is small (names, nodes, attributes) and
 * protobuf keeps the marker as an unknown field, which {@link TensorSource} resolves.
 *
 * <p>Only the paths that can lead to a TensorProto are descended (model → graph, functions →
 * nodes → attributes → tensors, subgraphs, sparse tensors); all other fields are copied as they
 * are. Malformed wire data (bad varints, lengths past the end, invalid wire types, nesting beyond
 * {@link ProtoFiles#RECURSION_LIMIT}) is rejected here with InvalidProtocolBufferException.
 */
final class RawDataSplitter {
  /** Unknown field that stands for stripped raw_data; far from ONNX's field numbers. */
  static final int MARKER_FIELD = 536_870_000;

  /** The message types on the way to tensors. */
  enum Kind {
    MODEL, GRAPH, FUNCTION, NODE, ATTRIBUTE, TENSOR, SPARSE_TENSOR
  }

  /** The structure bytes to parse and the raw data slices the markers index. */
  record Split(byte[] structure, List<ByteBuffer> raw) {}

  private static final int WIRE_VARINT = 0;
  private static final int WIRE_FIXED64 = 1;
  private static final int WIRE_LEN = 2;
  private static final int WIRE_FIXED32 = 5;
  private static final int TENSOR_RAW_DATA = 9;

  private final ByteBuffer in;
  private final List<ByteBuffer> raw = new ArrayList<>();
  private int pos;

  private RawDataSplitter(ByteBuffer in) {
    this.in = in;
  }

  /** Splits a whole serialized message of the given kind. */
  static Split split(ByteBuffer file, Kind root) throws InvalidProtocolBufferException {
    RawDataSplitter s = new RawDataSplitter(file.duplicate());
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(file.remaining(), 1 << 16));
    s.message(file.position(), file.limit(), root, out, 0);
    return new Split(out.toByteArray(), s.raw);
  }

  private void message(int start, int end, Kind kind, ByteArrayOutputStream out, int depth)
      throws InvalidProtocolBufferException {
    if (depth > ProtoFiles.RECURSION_LIMIT) {
      throw new InvalidProtocolBufferException(
          "messages nest deeper than " + ProtoFiles.RECURSION_LIMIT + " levels");
    }
    pos = start;
    while (pos < end) {
      int fieldStart = pos;
      long tag = varint(end);
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      if (field <= 0 || tag >>> 3 > 0x1FFFFFFFL) {
        throw new InvalidProtocolBufferException("invalid field number at byte " + fieldStart);
      }
      switch (wire) {
        case WIRE_VARINT -> {
          varint(end);
          copy(fieldStart, pos, out);
        }
        case WIRE_FIXED64 -> copy(fieldStart, skip(8, end), out);
        case WIRE_FIXED32 -> copy(fieldStart, skip(4, end), out);
        case WIRE_LEN -> {
          long len = varint(end);
          if (len < 0 || len > end - pos) {
            throw new InvalidProtocolBufferException(
                "field " + field + " at byte " + fieldStart + " claims " + len + " bytes, "
                    + (end - pos) + " remain (truncated file?)");
          }
          int from = pos;
          int to = pos + (int) len;
          Kind child = child(kind, field);
          if (kind == Kind.TENSOR && field == TENSOR_RAW_DATA) {
            writeVarint(out, ((long) MARKER_FIELD << 3) | WIRE_VARINT);
            writeVarint(out, raw.size());
            raw.add(in.slice(from, to - from).asReadOnlyBuffer());
          } else if (child != null) {
            ByteArrayOutputStream sub = new ByteArrayOutputStream();
            message(from, to, child, sub, depth + 1);
            writeVarint(out, tag);
            writeVarint(out, sub.size());
            out.writeBytes(sub.toByteArray());
          } else {
            copy(fieldStart, to, out);
          }
          pos = to;
        }
        default -> throw new InvalidProtocolBufferException(
            "invalid wire type " + wire + " at byte " + fieldStart);
      }
    }
  }

  /** The kind of a length-delimited field that may lead to tensors, else null. */
  private static Kind child(Kind kind, int field) {
    return switch (kind) {
      case MODEL -> field == 7 ? Kind.GRAPH : field == 25 ? Kind.FUNCTION : null;
      case GRAPH -> field == 1 ? Kind.NODE : field == 5 ? Kind.TENSOR : field == 15 ? Kind.SPARSE_TENSOR : null;
      case FUNCTION -> field == 7 ? Kind.NODE : field == 11 ? Kind.ATTRIBUTE : null;
      case NODE -> field == 5 ? Kind.ATTRIBUTE : null;
      case ATTRIBUTE -> switch (field) {
        case 5, 10 -> Kind.TENSOR;
        case 6, 11 -> Kind.GRAPH;
        case 22, 23 -> Kind.SPARSE_TENSOR;
        default -> null;
      };
      case SPARSE_TENSOR -> field == 1 || field == 2 ? Kind.TENSOR : null;
      case TENSOR -> null;
    };
  }

  private long varint(int end) throws InvalidProtocolBufferException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw new InvalidProtocolBufferException("truncated varint at byte " + pos);
      }
      byte b = in.get(pos++);
      v |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new InvalidProtocolBufferException("malformed varint at byte " + pos);
  }

  private int skip(int n, int end) throws InvalidProtocolBufferException {
    if (end - pos < n) {
      throw new InvalidProtocolBufferException("truncated field at byte " + pos);
    }
    pos += n;
    return pos;
  }

  private void copy(int from, int to, ByteArrayOutputStream out) {
    byte[] chunk = new byte[Math.min(to - from, 8192)];
    for (int p = from; p < to; p += chunk.length) {
      int n = Math.min(chunk.length, to - p);
      in.get(p, chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }

  private static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
