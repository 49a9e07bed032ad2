package dev.vireo.tensor;

/**
 * Element types, numbered as ONNX's {@code TensorProto.DataType}.
 *
 * <p>Each type has one storage class (the primitive array a {@link Tensor} keeps its elements
 * in). Unsigned types share the storage of the signed type of the same width and are
 * reinterpreted by kernels (e.g. {@code Byte.toUnsignedInt}). float16 and bfloat16 are kept as
 * their bit patterns in {@code short[]}; sub-byte and 8-bit float types one element per byte.
 * Complex types have no storage: tensors of them cannot be created.
 */
public enum DType {
  FLOAT(1, "f32", Storage.FLOAT, 4),
  UINT8(2, "u8", Storage.BYTE, 1),
  INT8(3, "i8", Storage.BYTE, 1),
  UINT16(4, "u16", Storage.SHORT, 2),
  INT16(5, "i16", Storage.SHORT, 2),
  INT32(6, "i32", Storage.INT, 4),
  INT64(7, "i64", Storage.LONG, 8),
  STRING(8, "str", Storage.STRING, 0),
  BOOL(9, "bool", Storage.BOOLEAN, 1),
  FLOAT16(10, "f16", Storage.SHORT, 2),
  DOUBLE(11, "f64", Storage.DOUBLE, 8),
  UINT32(12, "u32", Storage.INT, 4),
  UINT64(13, "u64", Storage.LONG, 8),
  COMPLEX64(14, "c64", Storage.NONE, 8),
  COMPLEX128(15, "c128", Storage.NONE, 16),
  BFLOAT16(16, "bf16", Storage.SHORT, 2),
  FLOAT8E4M3FN(17, "f8e4m3fn", Storage.BYTE, 1),
  FLOAT8E4M3FNUZ(18, "f8e4m3fnuz", Storage.BYTE, 1),
  FLOAT8E5M2(19, "f8e5m2", Storage.BYTE, 1),
  FLOAT8E5M2FNUZ(20, "f8e5m2fnuz", Storage.BYTE, 1),
  UINT4(21, "u4", Storage.BYTE, 1),
  INT4(22, "i4", Storage.BYTE, 1),
  FLOAT4E2M1(23, "f4e2m1", Storage.BYTE, 1),
  FLOAT8E8M0(24, "f8e8m0", Storage.BYTE, 1),
  UINT2(25, "u2", Storage.BYTE, 1),
  INT2(26, "i2", Storage.BYTE, 1);

  /** The Java array a tensor of this type stores its elements in. */
  public enum Storage {
    FLOAT, DOUBLE, BYTE, SHORT, INT, LONG, BOOLEAN, STRING, NONE
  }

  private static final DType[] BY_ONNX = new DType[32];

  static {
    for (DType t : values()) {
      BY_ONNX[t.onnxCode] = t;
    }
  }

  private final int onnxCode;
  private final String shortName;
  private final Storage storage;
  private final int byteSize;

  DType(int onnxCode, String shortName, Storage storage, int byteSize) {
    this.onnxCode = onnxCode;
    this.shortName = shortName;
    this.storage = storage;
    this.byteSize = byteSize;
  }

  /** The ONNX {@code TensorProto.DataType} number. */
  public int onnxCode() {
    return onnxCode;
  }

  /** Short name used in messages and tables, e.g. {@code f32}, {@code i64}. */
  public String shortName() {
    return shortName;
  }

  public Storage storage() {
    return storage;
  }

  /** Bytes per element in ONNX's little-endian raw encoding (0 for strings; 1 for sub-byte types). */
  public int byteSize() {
    return byteSize;
  }

  /** Whether tensors of this type can be created. */
  public boolean hasStorage() {
    return storage != Storage.NONE;
  }

  public boolean isFloatingPoint() {
    return this == FLOAT || this == DOUBLE || this == FLOAT16 || this == BFLOAT16;
  }

  public boolean isUnsigned() {
    return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64 || this == UINT4
        || this == UINT2;
  }

  public boolean isInteger() {
    return switch (this) {
      case UINT8, INT8, UINT16, INT16, INT32, INT64, UINT32, UINT64, UINT4, INT4, UINT2, INT2 -> true;
      default -> false;
    };
  }

  /**
   * The type for an ONNX data type number.
   *
   * @throws IllegalArgumentException for an unknown number
   */
  public static DType fromOnnx(int code) {
    DType t = code >= 0 && code < BY_ONNX.length ? BY_ONNX[code] : null;
    if (t == null) {
      throw new IllegalArgumentException("unknown ONNX element type " + code);
    }
    return t;
  }

  /** Parses a short name ({@code f32}) or an ONNX-style name ({@code float}, {@code int64}). */
  public static DType parse(String name) {
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    for (DType t : values()) {
      if (t.shortName.equals(n) || t.name().toLowerCase(java.util.Locale.ROOT).equals(n)) {
        return t;
      }
    }
    return switch (n) {
      case "float32" -> FLOAT;
      case "float64" -> DOUBLE;
      case "boolean" -> BOOL;
      default -> throw new IllegalArgumentException("unknown element type '" + name + "'");
    };
  }

  @Override
  public String toString() {
    return shortName;
  }
}
