package dev.vireo.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @TempDir Path dir;

  /**
   * The bytes of a .npy file as numpy lays them out: magic, version, header length, the dict
   * padded with spaces and a newline so that the data starts at a multiple of 64, then the data.
   */
  static byte[] npy(int major, String dict, byte[] data) {
    int prefix = major == 1 ? 10 : 12;
    int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
    String header = dict + " ".repeat(total - prefix - dict.length() - 1) + "\n";
    ByteBuffer b = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    if (major == 1) {
      b.putShort((short) header.length());
    } else {
      b.putInt(header.length());
    }
    b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
    return b.array();
  }

  static byte[] le(int bytesPer, long... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * bytesPer).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      switch (bytesPer) {
        case 1 -> b.put((byte) v);
        case 2 -> b.putShort((short) v);
        case 4 -> b.putInt((int) v);
        default -> b.putLong(v);
      }
    }
    return b.array();
  }

  static byte[] floats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  @Test
  void readsVersion1FloatMatrixAsNumpyWritesIt() {
    byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
        floats(0, 1, 2, 3, 4, 5.5f));
    Tensor t = Npy.read(file, "a.npy");
    assertThat(t.dtype()).isEqualTo(DType.FLOAT);
    assertThat(t.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(t.floats()).containsExactly(0, 1, 2, 3, 4, 5.5f);
  }

  @Test
  void writesTheSameBytesAsNumpy() {
    // np.save of np.arange(6, dtype='<f4').reshape(2, 3): 118 header bytes, data at offset 128
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    byte[] expected = npy(1, dict, floats(0, 1, 2, 3, 4, 5));
    byte[] written = Npy.toBytes(Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3));
    assertThat(written).hasSize(128 + 24);
    assertThat(ByteBuffer.wrap(written, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort()).isEqualTo((short) 118);
    assertThat(written).isEqualTo(expected);
  }

  @Test
  void readsVersion2And3Headers() {
    byte[] v2 = npy(2, "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", le(8, 1, -2, 3));
    assertThat(Npy.read(v2, "v2").longs()).containsExactly(1, -2, 3);
    byte[] v3 = npy(3, "{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }", le(2, -7, 9));
    Tensor t = Npy.read(v3, "v3");
    assertThat(t.dtype()).isEqualTo(DType.INT16);
    assertThat(t.shorts()).containsExactly((short) -7, (short) 9);
  }

  @Test
  void readsScalarAndEmptyArrays() {
    ByteBuffer d = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(3.5);
    Tensor s = Npy.read(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", d.array()), "s");
    assertThat(s.shape()).isEqualTo(Shape.SCALAR);
    assertThat(s.doubles()).containsExactly(3.5);
    Tensor e = Npy.read(npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (0, 2), }", new byte[0]), "e");
    assertThat(e.shape()).isEqualTo(Shape.of(0, 2));
    assertThat(e.size()).isZero();
  }

  @Test
  void convertsBigEndianAndTransposesFortranOrder() {
    ByteBuffer be = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN).putInt(1).putInt(-2).putInt(300);
    Tensor t = Npy.read(npy(1, "{'descr': '>i4', 'fortran_order': False, 'shape': (3,), }", be.array()), "be");
    assertThat(t.ints()).containsExactly(1, -2, 300);
    // np.asfortranarray([[0, 1, 2], [3, 4, 5]]) stores columns: 0 3 1 4 2 5
    Tensor f = Npy.read(npy(1, "{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }",
        le(4, 0, 3, 1, 4, 2, 5)), "f");
    assertThat(f.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(f.ints()).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void readsStringsAndBools() {
    ByteBuffer u = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    u.putInt('a').putInt('b').putInt('c').putInt(0);
    Tensor s = Npy.read(npy(1, "{'descr': '<U2', 'fortran_order': False, 'shape': (2,), }", u.array()), "u");
    assertThat(s.strings()).containsExactly("ab", "c");
    Tensor b = Npy.read(npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }", new byte[] {1, 0}), "b");
    assertThat(b.booleans()).containsExactly(true, false);
  }

  @Test
  void roundTripsEveryType() throws Exception {
    Tensor[] tensors = {
      Tensor.of(new float[] {1.5f, -0f, Float.NaN, Float.POSITIVE_INFINITY, 1e-40f, 7}, 2, 3),
      Tensor.of(new double[] {Math.PI, -1e300}, 2),
      Tensor.wrap(DType.FLOAT16, Shape.of(2), new short[] {Float16.floatToHalf(1.5f), (short) 0xFC00}),
      Tensor.wrap(DType.INT8, Shape.of(3), new byte[] {-128, 0, 127}),
      Tensor.wrap(DType.UINT8, Shape.of(2), new byte[] {(byte) 255, 1}),
      Tensor.wrap(DType.INT16, Shape.of(2), new short[] {Short.MIN_VALUE, 5}),
      Tensor.wrap(DType.UINT16, Shape.of(1), new short[] {(short) 65535}),
      Tensor.of(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3, 1),
      Tensor.wrap(DType.UINT32, Shape.of(1), new int[] {-1}),
      Tensor.of(new long[] {Long.MIN_VALUE, 42}, 1, 2),
      Tensor.wrap(DType.UINT64, Shape.of(1), new long[] {-1L}),
      Tensor.of(new boolean[] {true, false, true}, 3),
      Tensor.of(new String[] {"héllo", "", "𝄞x"}, 3),
      Tensor.scalar(2.5f),
      Tensor.of(new float[0], 0, 4),
    };
    for (Tensor t : tensors) {
      Path f = dir.resolve("t.npy");
      Npy.write(t, f);
      Tensor back = Npy.read(f);
      assertThat(back.dtype()).as(t.describe()).isEqualTo(t.dtype());
      assertThat(back.shape()).as(t.describe()).isEqualTo(t.shape());
      assertThat(Arrays.deepEquals(new Object[] {back.data()}, new Object[] {t.data()}))
          .as(t + " came back as " + back).isTrue();
      assertThat((Files.size(f) - t.size() * (long) elementBytes(t)) % 64).as("data alignment").isZero();
    }
  }

  private static int elementBytes(Tensor t) {
    if (t.dtype() == DType.STRING) {
      int max = 1;
      for (String s : t.strings()) {
        max = Math.max(max, s.codePointCount(0, s.length()));
      }
      return 4 * max;
    }
    return t.dtype().byteSize();
  }

  @Test
  void refusesTypesNumpyLacks() {
    Tensor bf = Tensor.wrap(DType.BFLOAT16, Shape.of(1), new short[] {0});
    assertThatThrownBy(() -> Npy.toBytes(bf)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bf16");
  }

  @Test
  void rejectsMalformedFilesWithOneLineNamingTheFile() throws Exception {
    String ok = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
    byte[] good = npy(1, ok, floats(1, 2));
    assertBad(new byte[0], "not a .npy file");
    assertBad("hello world, not numpy".getBytes(StandardCharsets.US_ASCII), "magic");
    assertBad(Arrays.copyOf(good, 9), "not a .npy file");
    assertBad(Arrays.copyOf(good, 40), "header length");
    assertBad(Arrays.copyOf(good, good.length - 1), "needs 8 data bytes, the file has 7");
    assertBad(npy(1, ok, floats(1, 2, 3)), "needs 8 data bytes, the file has 12");
    byte[] v9 = good.clone();
    v9[6] = 9;
    assertBad(v9, "version 9.0");
    assertBad(npy(1, "{'descr': '<f4', 'fortran_order': False, }", new byte[0]), "lacks 'shape'");
    assertBad(npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]), "unsupported dtype '<c8'");
    assertBad(npy(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8]), "object arrays");
    assertBad(npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]), "structured");
    assertBad(npy(1, "{'descr': '<f4', 'fortran_order': maybe, 'shape': (1,), }", new byte[4]), "True or False");
    assertBad(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", new byte[4]), "bad dimension");
    assertBad(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", new byte[4]), "unexpected key 'x'");
    assertBad(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,)", new byte[4]), "ends early");
    // an absurd shape must be refused from the file length, before any allocation
    assertBad(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (999999999999, 999999999999, 7), }",
        new byte[16]), "needs more than 16 data bytes");
    assertBad(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 0, 999999999999999999), }",
        new byte[8]), "needs 0 data bytes, the file has 8");

    Path missing = dir.resolve("missing.npy");
    assertThatThrownBy(() -> Npy.read(missing)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(missing + ": no such file");
    Path f = dir.resolve("short.npy");
    Files.write(f, Arrays.copyOf(good, good.length - 2));
    assertThatThrownBy(() -> Npy.read(f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(f + ": ");
  }

  private static void assertBad(byte[] file, String problem) {
    assertThatThrownBy(() -> Npy.read(file, "x.npy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("x.npy: ")
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void writesToAStream() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(Tensor.of(new long[] {5}, 1), out);
    assertThat(Npy.read(out.toByteArray(), "s").longs()).containsExactly(5);
  }
}
