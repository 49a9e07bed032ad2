package dev.vireo.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense, row-major tensor: an element type, a shape and a primitive array.
 *
 * <p>The array's class follows {@link DType#storage()}: {@code float[]} for f32, {@code double[]}
 * for f64, {@code byte[]} for 8-bit and sub-byte types (one element per byte), {@code short[]}
 * for 16-bit integers and the bit patterns of f16/bf16, {@code int[]} for i32/u32, {@code
 * long[]} for i64/u64, {@code boolean[]} for bool and {@code String[]} for strings. The array
 * holds exactly {@code shape.size()} elements.
 *
 * <p>Tensors are treated as immutable once produced: kernels write only into tensors they
 * allocated for their outputs, and {@link #reshape} returns a view sharing the array. A caller
 * that hands a tensor to a session must not modify its array while a run uses it.
 */
public final class Tensor {
  private final DType dtype;
  private final Shape shape;
  private final Object data;

  private Tensor(DType dtype, Shape shape, Object data) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data;
  }

  /**
   * Wraps an existing array (no copy).
   *
   * @throws IllegalArgumentException if the array's class or length does not fit dtype and shape
   */
  public static Tensor wrap(DType dtype, Shape shape, Object data) {
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(data, "data");
    if (!dtype.hasStorage()) {
      throw new IllegalArgumentException("element type " + dtype + " is not supported");
    }
    int length = arrayLength(dtype.storage(), data);
    if (length < 0) {
      throw new IllegalArgumentException(
          "a " + dtype + " tensor needs " + storageName(dtype.storage()) + " data, got "
              + data.getClass().getSimpleName());
    }
    if (length != shape.size()) {
      throw new IllegalArgumentException(
          "shape " + shape + " needs " + shape.size() + " elements, the array has " + length);
    }
    return new Tensor(dtype, shape, data);
  }

  /** A zero-filled tensor (empty strings for {@link DType#STRING}). */
  public static Tensor zeros(DType dtype, Shape shape) {
    return new Tensor(dtype, shape, newArray(dtype, shape.size()));
  }

  /** A fresh zero-filled array of the storage class for dtype. */
  public static Object newArray(DType dtype, int n) {
    return switch (dtype.storage()) {
      case FLOAT -> new float[n];
      case DOUBLE -> new double[n];
      case BYTE -> new byte[n];
      case SHORT -> new short[n];
      case INT -> new int[n];
      case LONG -> new long[n];
      case BOOLEAN -> new boolean[n];
      case STRING -> {
        String[] s = new String[n];
        Arrays.fill(s, "");
        yield s;
      }
      case NONE -> throw new IllegalArgumentException("element type " + dtype + " is not supported");
    };
  }

  public static Tensor of(float[] data, int... dims) {
    return wrap(DType.FLOAT, Shape.of(dims), data);
  }

  public static Tensor of(double[] data, int... dims) {
    return wrap(DType.DOUBLE, Shape.of(dims), data);
  }

  public static Tensor of(long[] data, int... dims) {
    return wrap(DType.INT64, Shape.of(dims), data);
  }

  public static Tensor of(int[] data, int... dims) {
    return wrap(DType.INT32, Shape.of(dims), data);
  }

  public static Tensor of(boolean[] data, int... dims) {
    return wrap(DType.BOOL, Shape.of(dims), data);
  }

  public static Tensor of(String[] data, int... dims) {
    return wrap(DType.STRING, Shape.of(dims), data);
  }

  public static Tensor scalar(float v) {
    return wrap(DType.FLOAT, Shape.SCALAR, new float[] {v});
  }

  public static Tensor scalar(long v) {
    return wrap(DType.INT64, Shape.SCALAR, new long[] {v});
  }

  public DType dtype() {
    return dtype;
  }

  public Shape shape() {
    return shape;
  }

  public int rank() {
    return shape.rank();
  }

  /** Number of elements. */
  public int size() {
    return shape.size();
  }

  /** The backing array (not a copy); its class follows {@link DType#storage()}. */
  public Object data() {
    return data;
  }

  public float[] floats() {
    return (float[]) storage(DType.Storage.FLOAT);
  }

  public double[] doubles() {
    return (double[]) storage(DType.Storage.DOUBLE);
  }

  public byte[] bytes() {
    return (byte[]) storage(DType.Storage.BYTE);
  }

  public short[] shorts() {
    return (short[]) storage(DType.Storage.SHORT);
  }

  public int[] ints() {
    return (int[]) storage(DType.Storage.INT);
  }

  public long[] longs() {
    return (long[]) storage(DType.Storage.LONG);
  }

  public boolean[] booleans() {
    return (boolean[]) storage(DType.Storage.BOOLEAN);
  }

  public String[] strings() {
    return (String[]) storage(DType.Storage.STRING);
  }

  private Object storage(DType.Storage expected) {
    if (dtype.storage() != expected) {
      throw new IllegalStateException(
          "tensor is " + describe() + ", not stored as " + storageName(expected));
    }
    return data;
  }

  /** A view with another shape of the same element count, sharing the array. */
  public Tensor reshape(Shape newShape) {
    if (newShape.size() != shape.size()) {
      throw new IllegalArgumentException(
          "cannot reshape " + describe() + " to " + newShape + ": element counts differ");
    }
    return new Tensor(dtype, newShape, data);
  }

  /**
   * Element i as a double, for any numeric or bool type (unsigned types read unsigned, f16/bf16,
   * float8 and float4 decoded). Slow path for tests, printing and casts; kernels use the arrays.
   */
  public double getDouble(int i) {
    return switch (dtype) {
      case FLOAT -> ((float[]) data)[i];
      case DOUBLE -> ((double[]) data)[i];
      case INT8, INT4, INT2 -> ((byte[]) data)[i];
      case UINT8, UINT4, UINT2 -> Byte.toUnsignedInt(((byte[]) data)[i]);
      case INT16 -> ((short[]) data)[i];
      case UINT16 -> Short.toUnsignedInt(((short[]) data)[i]);
      case FLOAT16 -> Float16.halfToFloat(((short[]) data)[i]);
      case BFLOAT16 -> Float16.bfloat16ToFloat(((short[]) data)[i]);
      case INT32 -> ((int[]) data)[i];
      case UINT32 -> Integer.toUnsignedLong(((int[]) data)[i]);
      case INT64 -> ((long[]) data)[i];
      case UINT64 -> {
        long v = ((long[]) data)[i];
        yield v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
      }
      case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
      case FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ, FLOAT4E2M1 ->
          Float8.toDouble(dtype, ((byte[]) data)[i]);
      case FLOAT8E8M0 -> Float8.e8m0ToDouble(((byte[]) data)[i]);
      default -> throw new IllegalStateException("tensor is " + describe() + ", not numeric");
    };
  }

  /** Element i as a long, for integer and bool types (u64 as its two's-complement bits). */
  public long getLong(int i) {
    return switch (dtype.storage()) {
      case LONG -> ((long[]) data)[i];
      case INT -> dtype == DType.UINT32 ? Integer.toUnsignedLong(((int[]) data)[i]) : ((int[]) data)[i];
      case SHORT ->
          dtype == DType.UINT16 ? Short.toUnsignedInt(((short[]) data)[i]) : ((short[]) data)[i];
      case BYTE -> dtype.isUnsigned() ? Byte.toUnsignedInt(((byte[]) data)[i]) : ((byte[]) data)[i];
      case BOOLEAN -> ((boolean[]) data)[i] ? 1 : 0;
      default -> (long) getDouble(i);
    };
  }

  /** All elements converted to float (any numeric or bool type). */
  public float[] toFloatArray() {
    if (dtype == DType.FLOAT) {
      return ((float[]) data).clone();
    }
    float[] out = new float[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) getDouble(i);
    }
    return out;
  }

  /** All elements as longs (integer and bool types). */
  public long[] toLongArray() {
    if (dtype == DType.INT64) {
      return ((long[]) data).clone();
    }
    long[] out = new long[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = getLong(i);
    }
    return out;
  }

  /** Type and shape, e.g. {@code f32[1,3,224,224]}. */
  public String describe() {
    return dtype.shortName() + shape;
  }

  /** Type, shape and up to the first 8 values. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(describe()).append(" {");
    int n = Math.min(size(), 8);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(formatElement(i));
    }
    if (size() > n) {
      b.append(", ...");
    }
    return b.append('}').toString();
  }

  /** Element i formatted for humans. */
  public String formatElement(int i) {
    return switch (dtype) {
      case STRING -> '"' + ((String[]) data)[i] + '"';
      case BOOL -> Boolean.toString(((boolean[]) data)[i]);
      case FLOAT, FLOAT16, BFLOAT16 -> Float.toString((float) getDouble(i));
      case DOUBLE -> Double.toString(((double[]) data)[i]);
      case UINT64 -> Long.toUnsignedString(((long[]) data)[i]);
      default -> dtype.isInteger() ? Long.toString(getLong(i)) : Double.toString(getDouble(i));
    };
  }

  private static int arrayLength(DType.Storage s, Object data) {
    return switch (s) {
      case FLOAT -> data instanceof float[] a ? a.length : -1;
      case DOUBLE -> data instanceof double[] a ? a.length : -1;
      case BYTE -> data instanceof byte[] a ? a.length : -1;
      case SHORT -> data instanceof short[] a ? a.length : -1;
      case INT -> data instanceof int[] a ? a.length : -1;
      case LONG -> data instanceof long[] a ? a.length : -1;
      case BOOLEAN -> data instanceof boolean[] a ? a.length : -1;
      case STRING -> data instanceof String[] a ? a.length : -1;
      case NONE -> -1;
    };
  }

  private static String storageName(DType.Storage s) {
    return switch (s) {
      case FLOAT -> "float[]";
      case DOUBLE -> "double[]";
      case BYTE -> "byte[]";
      case SHORT -> "short[]";
      case INT -> "int[]";
      case LONG -> "long[]";
      case BOOLEAN -> "boolean[]";
      case STRING -> "String[]";
      case NONE -> "no array";
    };
  }
}
