package dev.vireo.onnx.load;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.onnx.proto.TensorProto;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Decodes an ONNX {@link TensorProto} into a {@link Tensor}.
 *
 * <p>Accepts every storage form: {@code raw_data} (little-endian), the typed fields ({@code
 * float_data}, {@code int32_data} for the types of 16 bits or less including f16/bf16 bit
 * patterns, {@code int64_data}, {@code uint64_data} for u32/u64, {@code double_data}, {@code
 * string_data}) and external data. 4-bit types (int4, uint4, float4e2m1) come packed two per
 * byte and 2-bit types four per byte, first element in the lowest bits; they are unpacked to one
 * element per byte, int4/int2 sign-extended. A tensor without dims is a scalar.
 *
 * <p>The element count comes from the dims and the data must hold exactly that many elements;
 * the check happens before any array is allocated, so absurd dims cannot exhaust the heap.
 */
public final class TensorDecoder {
  private TensorDecoder() {}

  /**
   * Decodes a tensor.
   *
   * @param baseDir the model's folder, in which external data is resolved; null when external
   *     data is not allowed
   * @throws ModelLoadException (phase LOAD) naming the tensor when its type, dims or data are
   *     invalid
   */
  public static Tensor decode(TensorProto proto, Path baseDir) {
    return decodeFrom(proto, TensorSource.of(baseDir));
  }

  /** Decodes a tensor of a file parsed with its raw data split out. */
  static Tensor decodeFrom(TensorProto proto, TensorSource source) {
    String label = label(proto);
    DType type = elementType(proto.getDataType(), label);
    Shape shape = shape(proto.getDimsList(), label);
    int n = shape.size();
    if (proto.hasSegment()) {
      throw error(label, "segmented tensors are not supported");
    }
    if (proto.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      if (type == DType.STRING) {
        throw error(label, "string tensors cannot use external data");
      }
      return fromRaw(type, shape, ExternalData.read(proto, source.baseDir(), rawByteCount(type, n), label), label);
    }
    if (source.hasSplitRawData(proto)) {
      return fromRaw(type, shape, List.of(checkRaw(source.splitRawData(proto), type, shape, label)), label);
    }
    if (proto.hasRawData()) {
      ByteBuffer raw = proto.getRawData().asReadOnlyByteBuffer();
      return fromRaw(type, shape, List.of(checkRaw(raw, type, shape, label)), label);
    }
    return fromTyped(proto, type, shape, label);
  }

  private static ByteBuffer checkRaw(ByteBuffer raw, DType type, Shape shape, String label) {
    if (type == DType.STRING) {
      throw error(label, "string tensors cannot use raw_data (expected string_data)");
    }
    long expected = rawByteCount(type, shape.size());
    if (raw.remaining() != expected) {
      throw error(
          label, "raw_data has " + raw.remaining() + " bytes, " + type + shape + " needs " + expected);
    }
    return raw;
  }

  /** The tensor's name for messages: {@code tensor 'w'} or {@code unnamed tensor}. */
  static String label(TensorProto p) {
    return p.getName().isEmpty() ? "unnamed tensor" : "tensor '" + p.getName() + "'";
  }

  /** The element type for an ONNX code, rejecting unknown codes and types without storage. */
  static DType elementType(int code, String label) {
    DType t;
    try {
      t = DType.fromOnnx(code);
    } catch (IllegalArgumentException e) {
      throw error(label, code == 0 ? "element type is undefined (0)" : "unknown element type " + code);
    }
    if (!t.hasStorage()) {
      throw error(label, "element type " + t + " (" + code + ") has no storage in Vireo");
    }
    return t;
  }

  /** The shape for ONNX dims, rejecting negative dims and element counts beyond a Java array. */
  static Shape shape(List<Long> dims, String label) {
    long[] d = new long[dims.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = dims.get(i);
      if (d[i] < 0) {
        throw error(label, "dim " + i + " is negative (" + d[i] + ") in " + dims);
      }
    }
    try {
      return Shape.of(d);
    } catch (IllegalArgumentException e) {
      throw error(label, "dims " + dims + " are too large: " + e.getMessage());
    }
  }

  /** Bytes of the packed little-endian encoding of n elements. */
  static long rawByteCount(DType t, int n) {
    return switch (bitsPerElement(t)) {
      case 4 -> (n + 1L) / 2;
      case 2 -> (n + 3L) / 4;
      default -> (long) n * t.byteSize();
    };
  }

  /** 4 or 2 for the packed sub-byte types, 8 and more otherwise. */
  static int bitsPerElement(DType t) {
    return switch (t) {
      case INT4, UINT4, FLOAT4E2M1 -> 4;
      case INT2, UINT2 -> 2;
      default -> t.byteSize() * 8;
    };
  }

  /** Decodes n packed little-endian elements spread over consecutive chunks. */
  static Tensor fromRaw(DType t, Shape shape, List<ByteBuffer> chunks, String label) {
    int n = shape.size();
    Object data = allocate(t, n, label);
    int pos = 0;
    for (ByteBuffer chunk : chunks) {
      ByteBuffer b = chunk.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      int k;
      switch (t.storage()) {
        case FLOAT -> b.asFloatBuffer().get((float[]) data, pos, k = b.remaining() / 4);
        case DOUBLE -> b.asDoubleBuffer().get((double[]) data, pos, k = b.remaining() / 8);
        case SHORT -> b.asShortBuffer().get((short[]) data, pos, k = b.remaining() / 2);
        case INT -> b.asIntBuffer().get((int[]) data, pos, k = b.remaining() / 4);
        case LONG -> b.asLongBuffer().get((long[]) data, pos, k = b.remaining() / 8);
        case BOOLEAN -> {
          boolean[] a = (boolean[]) data;
          k = b.remaining();
          for (int i = 0; i < k; i++) {
            a[pos + i] = b.get() != 0;
          }
        }
        case BYTE -> {
          byte[] a = (byte[]) data;
          int bits = bitsPerElement(t);
          if (bits >= 8) {
            b.get(a, pos, k = b.remaining());
          } else {
            k = Math.min(n - pos, b.remaining() * (8 / bits));
            unpack(t, bits, b, a, pos, k);
          }
        }
        default -> throw error(label, "element type " + t + " cannot be decoded from raw bytes");
      }
      pos += k;
    }
    if (pos != n) {
      throw error(label, "data holds " + pos + " elements, " + t + shape + " needs " + n);
    }
    return Tensor.wrap(t, shape, data);
  }

  /** Unpacks k sub-byte elements (lowest bits first) from b into a[pos..]. */
  private static void unpack(DType t, int bits, ByteBuffer b, byte[] a, int pos, int k) {
    int perByte = 8 / bits;
    int mask = (1 << bits) - 1;
    boolean signed = t == DType.INT4 || t == DType.INT2;
    int shiftBack = 32 - bits;
    int current = 0;
    for (int i = 0; i < k; i++) {
      int slot = i % perByte;
      if (slot == 0) {
        current = b.get();
      }
      int v = (current >> (slot * bits)) & mask;
      a[pos + i] = (byte) (signed ? (v << shiftBack) >> shiftBack : v);
    }
  }

  private static Tensor fromTyped(TensorProto p, DType t, Shape shape, String label) {
    int n = shape.size();
    Object data =
        switch (t) {
          case FLOAT -> {
            check(p.getFloatDataCount(), n, "float_data", t, shape, label);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
              a[i] = p.getFloatData(i);
            }
            yield a;
          }
          case DOUBLE -> {
            check(p.getDoubleDataCount(), n, "double_data", t, shape, label);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
              a[i] = p.getDoubleData(i);
            }
            yield a;
          }
          case INT64 -> {
            check(p.getInt64DataCount(), n, "int64_data", t, shape, label);
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
              a[i] = p.getInt64Data(i);
            }
            yield a;
          }
          case UINT64 -> {
            check(p.getUint64DataCount(), n, "uint64_data", t, shape, label);
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
              a[i] = p.getUint64Data(i);
            }
            yield a;
          }
          case UINT32 -> {
            check(p.getUint64DataCount(), n, "uint64_data", t, shape, label);
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
              a[i] = (int) p.getUint64Data(i);
            }
            yield a;
          }
          case STRING -> {
            check(p.getStringDataCount(), n, "string_data", t, shape, label);
            String[] a = new String[n];
            for (int i = 0; i < n; i++) {
              a[i] = p.getStringData(i).toStringUtf8();
            }
            yield a;
          }
          default -> fromInt32Data(p, t, shape, label);
        };
    return Tensor.wrap(t, shape, data);
  }

  /** Types of 16 bits or less: one element per int32_data entry, or packed bytes for sub-byte types. */
  private static Object fromInt32Data(TensorProto p, DType t, Shape shape, String label) {
    int n = shape.size();
    int bits = bitsPerElement(t);
    if (bits < 8) {
      long bytes = rawByteCount(t, n);
      check(p.getInt32DataCount(), bytes, "int32_data", t, shape, label);
      ByteBuffer packed = ByteBuffer.allocate((int) bytes);
      for (int i = 0; i < bytes; i++) {
        packed.put((byte) p.getInt32Data(i));
      }
      return fromRaw(t, shape, List.of(packed.flip()), label).data();
    }
    check(p.getInt32DataCount(), n, "int32_data", t, shape, label);
    Object a = allocate(t, n, label);
    for (int i = 0; i < n; i++) {
      int v = p.getInt32Data(i);
      switch (a) {
        case int[] x -> x[i] = v;
        case short[] x -> x[i] = (short) v;
        case byte[] x -> x[i] = (byte) v;
        case boolean[] x -> x[i] = v != 0;
        default -> throw error(label, "element type " + t + " cannot be stored in int32_data");
      }
    }
    return a;
  }

  /**
   * A zero-filled array for n elements of t. A tensor larger than the whole heap is rejected
   * up front; a failed allocation becomes a load error naming the tensor (one big array failing
   * leaves the rest of the heap intact).
   */
  static Object allocate(DType t, int n, String label) {
    long bytes = (long) n * Math.max(1, t.byteSize());
    long max = Runtime.getRuntime().maxMemory();
    String advice = "; give the JVM more heap (-Xmx)";
    if (bytes > max) {
      throw error(label, "needs " + bytes + " bytes, more than the JVM's maximum heap of " + max + advice);
    }
    try {
      return Tensor.newArray(t, n);
    } catch (OutOfMemoryError e) {
      throw error(label, "not enough heap for its " + bytes + " bytes" + advice);
    }
  }

  private static void check(int count, long needed, String field, DType t, Shape shape, String label) {
    if (count != needed) {
      throw error(
          label,
          count == 0
              ? t.shortName() + shape + " has no data (expected " + needed + " entries in " + field + " or raw_data)"
              : field + " has " + count + " entries, " + t + shape + " needs " + needed);
    }
  }

  static ModelLoadException error(String label, String reason) {
    return new ModelLoadException(Phase.LOAD, label + ": " + reason);
  }
}
