package dev.vireo.tensor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0).
 *
 * <p>Element types: {@code f2 f4 f8 i1 u1 i2 u2 i4 u4 i8 u8 b1} and {@code U<n>} (fixed-width
 * UTF-32 strings, trailing NULs dropped on reading). Big-endian data ({@code '>'}) is converted;
 * Fortran-ordered data is transposed to row-major. Writing uses format 1.0 (2.0 when the header
 * does not fit) with little-endian types, as {@code numpy.save} does.
 *
 * <p>Every problem with a file is an {@link IllegalArgumentException} with a one-line message
 * that names the file. The header's shape is checked against the file's length before anything
 * is allocated, so a corrupt header cannot exhaust memory.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** numpy pads the header so that the data starts at a multiple of this. */
  private static final int ALIGN = 64;
  /** numpy refuses headers longer than this (format 2.0 lifted the 64 KiB limit, not this one). */
  private static final int MAX_HEADER = 1 << 20;
  private static final int CHUNK = 1 << 16;
  /** numpy's spare header room: the digits of the largest axis-0 length it allows for. */
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;

  private Npy() {}

  /**
   * Reads a tensor from a {@code .npy} file.
   *
   * @throws IllegalArgumentException when the file is missing, unreadable or malformed, or holds a
   *     type Vireo cannot represent
   */
  public static Tensor read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(ch, ch.size(), file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a tensor from the bytes of a {@code .npy} file; {@code name} is used in messages. */
  public static Tensor read(byte[] bytes, String name) {
    try {
      return read(Channels.newChannel(new ByteArrayInputStream(bytes)), bytes.length, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Tensor read(ReadableByteChannel ch, long length, String name) throws IOException {
    if (length < 10) {
      throw bad(name, "not a .npy file: only " + length + " bytes");
    }
    ByteBuffer pre = readFully(ch, 8, name);
    for (int i = 0; i < MAGIC.length; i++) {
      if (pre.get(i) != MAGIC[i]) {
        throw bad(name, "not a .npy file: the magic string \\x93NUMPY is missing");
      }
    }
    int major = pre.get(6);
    int minor = pre.get(7);
    long headerLen;
    int prefix;
    if (major == 1 && minor == 0) {
      headerLen = Short.toUnsignedInt(readFully(ch, 2, name).getShort());
      prefix = 10;
    } else if ((major == 2 || major == 3) && minor == 0) {
      if (length < 12) {
        throw bad(name, "truncated header");
      }
      headerLen = Integer.toUnsignedLong(readFully(ch, 4, name).getInt());
      prefix = 12;
    } else {
      throw bad(name, "unsupported .npy format version " + major + "." + minor
          + " (supported: 1.0, 2.0, 3.0)");
    }
    if (headerLen > MAX_HEADER || prefix + headerLen > length) {
      throw bad(name, "header length " + headerLen + " exceeds the file's " + length + " bytes");
    }
    ByteBuffer hb = readFully(ch, (int) headerLen, name);
    // 1.0 and 2.0 headers are latin-1; 3.0 allows UTF-8 (for field names of structured types)
    String header = new String(hb.array(), 0, (int) headerLen,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    NpyHeader h = NpyHeader.parse(header, name);
    Element el = Element.of(h.descr(), name);

    long dataLen = length - prefix - headerLen;
    long count = elementCount(h.shape(), dataLen);
    long needed = count < 0 ? -1 : multiplyOrMinus1(count, el.width);
    if (needed != dataLen) {
      throw bad(name, "shape " + NpyHeader.shapeRepr(h.shape()) + " of '" + h.descr() + "' needs "
          + (needed < 0 ? "more than " + dataLen : Long.toString(needed)) + " data bytes, the file has "
          + dataLen);
    }
    if (count > Shape.MAX_ELEMENTS) {
      throw bad(name, "shape " + NpyHeader.shapeRepr(h.shape()) + " has more than "
          + Shape.MAX_ELEMENTS + " elements");
    }
    long[] dims = h.shape();
    if (h.fortranOrder()) {
      dims = reversed(dims);
    }
    Shape shape = Shape.of(dims);
    Object data = Tensor.newArray(el.dtype, shape.size());
    decode(ch, el, data, shape.size(), name);
    Tensor t = Tensor.wrap(el.dtype, shape, data);
    return h.fortranOrder() && shape.rank() > 1 ? reverseAxes(t) : t;
  }

  private static void decode(ReadableByteChannel ch, Element el, Object data, int n, String name)
      throws IOException {
    int perChunk = Math.max(1, CHUNK / el.width);
    ByteBuffer buf = ByteBuffer.allocate(perChunk * el.width).order(el.order);
    for (int start = 0; start < n; start += perChunk) {
      int m = Math.min(perChunk, n - start);
      buf.clear().limit(m * el.width);
      while (buf.hasRemaining()) {
        if (ch.read(buf) < 0) {
          throw bad(name, "unexpected end of file in the data");
        }
      }
      buf.flip();
      for (int i = start; i < start + m; i++) {
        switch (el.dtype) {
          case FLOAT -> ((float[]) data)[i] = buf.getFloat();
          case DOUBLE -> ((double[]) data)[i] = buf.getDouble();
          case INT8, UINT8 -> ((byte[]) data)[i] = buf.get();
          case INT16, UINT16, FLOAT16 -> ((short[]) data)[i] = buf.getShort();
          case INT32, UINT32 -> ((int[]) data)[i] = buf.getInt();
          case INT64, UINT64 -> ((long[]) data)[i] = buf.getLong();
          case BOOL -> ((boolean[]) data)[i] = buf.get() != 0;
          case STRING -> ((String[]) data)[i] = decodeString(buf, el.width / 4, name);
          default -> throw new IllegalStateException("no .npy decoding for " + el.dtype);
        }
      }
    }
  }

  private static String decodeString(ByteBuffer buf, int chars, String name) {
    int[] cps = new int[chars];
    int end = 0;
    for (int k = 0; k < chars; k++) {
      cps[k] = buf.getInt();
      if (cps[k] != 0) {
        end = k + 1;
      }
    }
    // numpy pads with NULs and drops trailing NULs when reading; embedded ones are kept
    for (int k = 0; k < end; k++) {
      if (!Character.isValidCodePoint(cps[k])) {
        throw bad(name, "invalid code point " + cps[k] + " in a string element");
      }
    }
    return new String(cps, 0, end);
  }

  /** The product of the dims, or -1 when it exceeds {@code limit} (without overflowing). */
  private static long elementCount(long[] dims, long limit) {
    for (long d : dims) {
      if (d == 0) {
        return 0;
      }
    }
    long count = 1;
    for (long d : dims) {
      count = multiplyOrMinus1(count, d);
      if (count < 0 || count > limit) {
        return -1;
      }
    }
    return count;
  }

  private static long multiplyOrMinus1(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  /** Writes a tensor as a {@code .npy} file (replacing an existing file). */
  public static void write(Tensor t, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(t, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The bytes of a {@code .npy} file holding the tensor. */
  public static byte[] toBytes(Tensor t) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      write(t, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes a tensor in {@code .npy} format to a stream (not closed).
   *
   * @throws IllegalArgumentException for element types numpy has no equivalent of (bf16, 8-bit
   *     and sub-byte floats, 4- and 2-bit integers)
   */
  public static void write(Tensor t, OutputStream out) throws IOException {
    Element el = Element.of(t);
    String dict = "{'descr': '" + el.descr + "', 'fortran_order': False, 'shape': "
        + NpyHeader.shapeRepr(t.shape().longDims()) + ", }";
    if (t.rank() > 0) {
      // as numpy does: room to rewrite the header in place when an array grows along axis 0
      dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(t.shape().dim(0)).length());
    }
    int prefix = 10;
    int total = pad(prefix + dict.length() + 1);
    if (total - prefix > 0xFFFF) {
      prefix = 12;
      total = pad(prefix + dict.length() + 1);
    }
    ByteBuffer head = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    head.put(MAGIC).put((byte) (prefix == 10 ? 1 : 2)).put((byte) 0);
    if (prefix == 10) {
      head.putShort((short) (total - prefix));
    } else {
      head.putInt(total - prefix);
    }
    head.put(dict.getBytes(StandardCharsets.ISO_8859_1));
    while (head.position() < total - 1) {
      head.put((byte) ' ');
    }
    head.put((byte) '\n');
    out.write(head.array());

    int n = t.size();
    int perChunk = Math.max(1, CHUNK / Math.max(1, el.width));
    ByteBuffer buf = ByteBuffer.allocate(perChunk * Math.max(1, el.width)).order(ByteOrder.LITTLE_ENDIAN);
    Object data = t.data();
    for (int start = 0; start < n; start += perChunk) {
      buf.clear();
      for (int i = start; i < Math.min(n, start + perChunk); i++) {
        switch (t.dtype()) {
          case FLOAT -> buf.putFloat(((float[]) data)[i]);
          case DOUBLE -> buf.putDouble(((double[]) data)[i]);
          case INT8, UINT8 -> buf.put(((byte[]) data)[i]);
          case INT16, UINT16, FLOAT16 -> buf.putShort(((short[]) data)[i]);
          case INT32, UINT32 -> buf.putInt(((int[]) data)[i]);
          case INT64, UINT64 -> buf.putLong(((long[]) data)[i]);
          case BOOL -> buf.put((byte) (((boolean[]) data)[i] ? 1 : 0));
          case STRING -> encodeString(buf, ((String[]) data)[i], el.width / 4);
          default -> throw new IllegalStateException("no .npy encoding for " + t.dtype());
        }
      }
      out.write(buf.array(), 0, buf.position());
    }
  }

  private static void encodeString(ByteBuffer buf, String s, int chars) {
    int k = 0;
    for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
      buf.putInt(s.codePointAt(i));
      k++;
    }
    for (; k < chars; k++) {
      buf.putInt(0);
    }
  }

  private static int pad(int n) {
    return (n + ALIGN - 1) / ALIGN * ALIGN;
  }

  private static ByteBuffer readFully(ReadableByteChannel ch, int n, String name) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        throw bad(name, "truncated header");
      }
    }
    return b.flip();
  }

  private static long[] reversed(long[] d) {
    long[] r = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      r[i] = d[d.length - 1 - i];
    }
    return r;
  }

  /** The tensor with its axes in reverse order (a Fortran-order array read as row-major). */
  private static Tensor reverseAxes(Tensor t) {
    int[] in = t.shape().dims();
    int rank = in.length;
    int[] outDims = new int[rank];
    for (int i = 0; i < rank; i++) {
      outDims[i] = in[rank - 1 - i];
    }
    Shape outShape = Shape.of(outDims);
    int[] inStrides = t.shape().strides();
    Object src = t.data();
    Object dst = Tensor.newArray(t.dtype(), outShape.size());
    int[] idx = new int[rank];
    for (int o = 0; o < outShape.size(); o++) {
      int s = 0;
      for (int a = 0; a < rank; a++) {
        s += idx[a] * inStrides[rank - 1 - a];
      }
      System.arraycopy(src, s, dst, o, 1);
      for (int a = rank - 1; a >= 0 && ++idx[a] == outDims[a]; a--) {
        idx[a] = 0;
      }
    }
    return Tensor.wrap(t.dtype(), outShape, dst);
  }

  static IllegalArgumentException bad(String name, String problem) {
    return new IllegalArgumentException(name + ": " + problem);
  }

  /** A numpy element type: its descr, Vireo type, byte width and byte order. */
  private record Element(String descr, DType dtype, int width, ByteOrder order) {
    static Element of(String descr, String name) {
      if (descr.length() < 2) {
        throw bad(name, "unsupported dtype '" + descr + "'");
      }
      char endian = descr.charAt(0);
      String code = descr.substring(1);
      if ("<>|=".indexOf(endian) < 0) {
        endian = '|';
        code = descr;
      }
      DType t;
      int width;
      if (code.startsWith("U") && code.length() > 1 && code.substring(1).chars().allMatch(Character::isDigit)) {
        t = DType.STRING;
        long chars = Long.parseLong(code.substring(1).length() > 9 ? "999999999" : code.substring(1));
        if (chars < 1 || chars > 1 << 24) {
          throw bad(name, "unsupported string width in dtype '" + descr + "'");
        }
        width = (int) chars * 4;
      } else {
        t = switch (code) {
          case "f2", "e" -> DType.FLOAT16;
          case "f4", "f" -> DType.FLOAT;
          case "f8", "d" -> DType.DOUBLE;
          case "i1", "b" -> DType.INT8;
          case "u1", "B" -> DType.UINT8;
          case "i2", "h" -> DType.INT16;
          case "u2", "H" -> DType.UINT16;
          case "i4", "i" -> DType.INT32;
          case "u4", "I" -> DType.UINT32;
          case "i8", "q" -> DType.INT64;
          case "u8", "Q" -> DType.UINT64;
          case "b1", "?" -> DType.BOOL;
          case "O" -> throw bad(name, "object arrays (pickled Python objects) are not supported");
          default -> throw bad(name, "unsupported dtype '" + descr + "'");
        };
        width = t == DType.BOOL ? 1 : t.byteSize();
      }
      if (endian == '=' && width > 1 && t != DType.STRING) {
        throw bad(name, "dtype '" + descr + "' has native ('=') byte order, which a file cannot "
            + "tell; expected '<' or '>'");
      }
      ByteOrder order = endian == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      return new Element(descr, t, width, order);
    }

    static Element of(Tensor t) {
      String code = switch (t.dtype()) {
        case FLOAT16 -> "<f2";
        case FLOAT -> "<f4";
        case DOUBLE -> "<f8";
        case INT8 -> "|i1";
        case UINT8 -> "|u1";
        case INT16 -> "<i2";
        case UINT16 -> "<u2";
        case INT32 -> "<i4";
        case UINT32 -> "<u4";
        case INT64 -> "<i8";
        case UINT64 -> "<u8";
        case BOOL -> "|b1";
        case STRING -> {
          int max = 1;
          for (String s : t.strings()) {
            max = Math.max(max, s.codePointCount(0, s.length()));
          }
          yield "<U" + max;
        }
        default -> throw new IllegalArgumentException(
            "cannot write a " + t.describe() + " tensor as .npy: numpy has no " + t.dtype() + " type");
      };
      int width = t.dtype() == DType.STRING ? 4 * Integer.parseInt(code.substring(2))
          : t.dtype() == DType.BOOL ? 1 : t.dtype().byteSize();
      return new Element(code, t.dtype(), width, ByteOrder.LITTLE_ENDIAN);
    }
  }
}
