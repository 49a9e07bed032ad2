package dev.vireo.onnx.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.vireo.error.ModelLoadException;
import dev.vireo.onnx.proto.TensorProto;
import dev.vireo.onnx.proto.TensorProto.DataType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TensorDecoderTest {

  private static TensorProto.Builder tensor(DataType t, long... dims) {
    TensorProto.Builder b = TensorProto.newBuilder().setName("t").setDataType(t.getNumber());
    for (long d : dims) {
      b.addDims(d);
    }
    return b;
  }

  private static ByteString le(int bytes, java.util.function.Consumer<ByteBuffer> fill) {
    ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    fill.accept(b);
    return ByteString.copyFrom(b.array());
  }

  private static Tensor decode(TensorProto.Builder b) {
    return TensorDecoder.decode(b.build(), null);
  }

  @Test
  void float32RawAndTyped() {
    Tensor raw = decode(tensor(DataType.FLOAT, 2, 2)
        .setRawData(le(16, b -> b.putFloat(1.5f).putFloat(-2f).putFloat(0f).putFloat(3.25f))));
    assertThat(raw.dtype()).isEqualTo(DType.FLOAT);
    assertThat(raw.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(raw.floats()).containsExactly(1.5f, -2f, 0f, 3.25f);

    Tensor typed = decode(tensor(DataType.FLOAT, 3).addFloatData(1f).addFloatData(2f).addFloatData(-7f));
    assertThat(typed.floats()).containsExactly(1f, 2f, -7f);
  }

  @Test
  void float64RawAndTyped() {
    assertThat(decode(tensor(DataType.DOUBLE, 2).setRawData(le(16, b -> b.putDouble(0.1).putDouble(-1e300))))
            .doubles()).containsExactly(0.1, -1e300);
    assertThat(decode(tensor(DataType.DOUBLE, 1).addDoubleData(2.5)).doubles()).containsExactly(2.5);
  }

  @Test
  void float16AndBfloat16BitPatterns() {
    short h = Float16.floatToHalf(1.5f);
    short bf = Float16.floatToBfloat16(-3f);
    assertThat(decode(tensor(DataType.FLOAT16, 1).addInt32Data(h & 0xffff)).shorts()).containsExactly(h);
    assertThat(decode(tensor(DataType.FLOAT16, 1).setRawData(le(2, b -> b.putShort(h)))).shorts())
        .containsExactly(h);
    Tensor b16 = decode(tensor(DataType.BFLOAT16, 1).addInt32Data(bf & 0xffff));
    assertThat(Float16.bfloat16ToFloat(b16.shorts()[0])).isEqualTo(-3f);
    assertThat(decode(tensor(DataType.BFLOAT16, 1).setRawData(le(2, b -> b.putShort(bf)))).shorts())
        .containsExactly(bf);
  }

  @Test
  void smallIntegersFromInt32DataAndRaw() {
    assertThat(decode(tensor(DataType.INT8, 3).addInt32Data(-128).addInt32Data(0).addInt32Data(127)).bytes())
        .containsExactly(-128, 0, 127);
    assertThat(decode(tensor(DataType.UINT8, 2).addInt32Data(255).addInt32Data(1)).bytes())
        .containsExactly((byte) 255, (byte) 1);
    assertThat(decode(tensor(DataType.UINT8, 2).setRawData(ByteString.copyFrom(new byte[] {(byte) 200, 3}))).bytes())
        .containsExactly((byte) 200, (byte) 3);
    assertThat(decode(tensor(DataType.INT16, 2).addInt32Data(-300).addInt32Data(32767)).shorts())
        .containsExactly((short) -300, (short) 32767);
    assertThat(decode(tensor(DataType.UINT16, 1).addInt32Data(65535)).shorts()).containsExactly((short) -1);
    assertThat(decode(tensor(DataType.INT16, 2).setRawData(le(4, b -> b.putShort((short) -2).putShort((short) 9)))).shorts())
        .containsExactly((short) -2, (short) 9);
    assertThat(decode(tensor(DataType.INT32, 2).addInt32Data(-5).addInt32Data(Integer.MAX_VALUE)).ints())
        .containsExactly(-5, Integer.MAX_VALUE);
    assertThat(decode(tensor(DataType.INT32, 1).setRawData(le(4, b -> b.putInt(0x01020304)))).ints())
        .containsExactly(0x01020304);
  }

  @Test
  void int64AndUnsignedWideTypes() {
    assertThat(decode(tensor(DataType.INT64, 2).addInt64Data(Long.MIN_VALUE).addInt64Data(42)).longs())
        .containsExactly(Long.MIN_VALUE, 42);
    assertThat(decode(tensor(DataType.INT64, 1).setRawData(le(8, b -> b.putLong(-9)))).longs()).containsExactly(-9L);
    assertThat(decode(tensor(DataType.UINT32, 2).addUint64Data(4294967295L).addUint64Data(7)).ints())
        .containsExactly(-1, 7);
    assertThat(decode(tensor(DataType.UINT32, 1).setRawData(le(4, b -> b.putInt(-1)))).ints()).containsExactly(-1);
    assertThat(decode(tensor(DataType.UINT64, 1).addUint64Data(-1L)).longs()).containsExactly(-1L);
    assertThat(decode(tensor(DataType.UINT64, 1).setRawData(le(8, b -> b.putLong(1L << 63)))).longs())
        .containsExactly(1L << 63);
  }

  @Test
  void boolAndString() {
    assertThat(decode(tensor(DataType.BOOL, 3).addInt32Data(1).addInt32Data(0).addInt32Data(1)).booleans())
        .containsExactly(true, false, true);
    assertThat(decode(tensor(DataType.BOOL, 2).setRawData(ByteString.copyFrom(new byte[] {0, 1}))).booleans())
        .containsExactly(false, true);
    Tensor s = decode(tensor(DataType.STRING, 2)
        .addStringData(ByteString.copyFrom("héllo", StandardCharsets.UTF_8))
        .addStringData(ByteString.EMPTY));
    assertThat(s.strings()).containsExactly("héllo", "");
  }

  @Test
  void int4AndUint4UnpackLowNibbleFirst() {
    // bytes 0x8F 0x07: elements 0xF, 0x8, 0x7 (odd count: last high nibble unused)
    ByteString packed = ByteString.copyFrom(new byte[] {(byte) 0x8F, 0x07});
    assertThat(decode(tensor(DataType.INT4, 3).setRawData(packed)).bytes()).containsExactly(-1, -8, 7);
    assertThat(decode(tensor(DataType.UINT4, 3).setRawData(packed)).bytes()).containsExactly(15, 8, 7);
    assertThat(decode(tensor(DataType.INT4, 3).addInt32Data(0x8F).addInt32Data(0x07)).bytes())
        .containsExactly(-1, -8, 7);
    assertThat(decode(tensor(DataType.INT4, 4).setRawData(packed))).isNotNull();
    assertThatThrownBy(() -> decode(tensor(DataType.INT4, 5).setRawData(packed)))
        .hasMessageContaining("raw_data has 2 bytes").hasMessageContaining("needs 3");
  }

  @Test
  void int2UnpacksFourPerByte() {
    // 0b11_10_01_00 → 0, 1, 2(-2), 3(-1)
    ByteString packed = ByteString.copyFrom(new byte[] {(byte) 0b11100100});
    assertThat(decode(tensor(DataType.UINT2, 4).setRawData(packed)).bytes()).containsExactly(0, 1, 2, 3);
    assertThat(decode(tensor(DataType.INT2, 4).setRawData(packed)).bytes()).containsExactly(0, 1, -2, -1);
  }

  @Test
  void float8KeepsRawBytes() {
    for (DataType t : new DataType[] {DataType.FLOAT8E4M3FN, DataType.FLOAT8E4M3FNUZ,
        DataType.FLOAT8E5M2, DataType.FLOAT8E5M2FNUZ}) {
      Tensor r = decode(tensor(t, 2).setRawData(ByteString.copyFrom(new byte[] {0x38, (byte) 0xC0})));
      assertThat(r.dtype().onnxCode()).isEqualTo(t.getNumber());
      assertThat(r.bytes()).containsExactly(0x38, (byte) 0xC0);
      assertThat(decode(tensor(t, 1).addInt32Data(0xC0)).bytes()).containsExactly((byte) 0xC0);
    }
  }

  @Test
  void scalarHasNoDims() {
    Tensor s = decode(tensor(DataType.FLOAT).addFloatData(4f));
    assertThat(s.rank()).isZero();
    assertThat(s.floats()).containsExactly(4f);
  }

  @Test
  void emptyTensorNeedsNoData() {
    Tensor e = decode(tensor(DataType.FLOAT, 0, 3));
    assertThat(e.size()).isZero();
    assertThat(e.shape()).isEqualTo(Shape.of(0, 3));
  }

  @Test
  void rawDataLengthMismatchIsClear() {
    assertThatThrownBy(() -> decode(tensor(DataType.FLOAT, 2, 3).setRawData(ByteString.copyFrom(new byte[20]))))
        .isInstanceOf(ModelLoadException.class)
        .hasMessage("[load] tensor 't': raw_data has 20 bytes, f32[2,3] needs 24");
  }

  @Test
  void typedCountMismatchAndMissingData() {
    assertThatThrownBy(() -> decode(tensor(DataType.INT64, 3).addInt64Data(1)))
        .hasMessageContaining("int64_data has 1 entries, i64[3] needs 3");
    assertThatThrownBy(() -> decode(tensor(DataType.FLOAT, 2)))
        .hasMessageContaining("has no data");
  }

  @Test
  void badTypesAndDims() {
    assertThatThrownBy(() -> decode(tensor(DataType.UNDEFINED, 1)))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("undefined");
    assertThatThrownBy(() -> decode(TensorProto.newBuilder().setDataType(99).addDims(1)))
        .hasMessageContaining("unknown element type 99");
    assertThatThrownBy(() -> decode(tensor(DataType.COMPLEX64, 1).setRawData(ByteString.copyFrom(new byte[8]))))
        .hasMessageContaining("c64").hasMessageContaining("no storage");
    assertThatThrownBy(() -> decode(tensor(DataType.FLOAT, 2, -1)))
        .hasMessageContaining("dim 1 is negative");
    assertThatThrownBy(() -> decode(tensor(DataType.FLOAT, 1_000_000_000, 1_000_000_000)))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("too large");
    // within the array limit, but the data is absent: rejected before allocating 4 GB
    assertThatThrownBy(() -> decode(tensor(DataType.FLOAT, 1_000_000_000).setRawData(ByteString.copyFrom(new byte[4]))))
        .hasMessageContaining("needs 4000000000");
    assertThatThrownBy(() -> decode(tensor(DataType.STRING, 1).setRawData(ByteString.copyFrom(new byte[1]))))
        .hasMessageContaining("string_data");
  }

  @Test
  void rawDataSpreadOverChunksIsJoinedInOrder() {
    // External data beyond 2 GiB arrives as several mapped chunks; each holds whole elements.
    ByteBuffer a = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(-2).flip();
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).flip();
    Tensor t = TensorDecoder.fromRaw(DType.INT64, Shape.of(3), java.util.List.of(a, b), "t");
    assertThat(t.longs()).containsExactly(1L, -2L, Long.MAX_VALUE);
    ByteBuffer f1 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).flip();
    ByteBuffer f2 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-3f).flip();
    assertThat(TensorDecoder.fromRaw(DType.FLOAT, Shape.of(3), java.util.List.of(f1, f2), "f").floats())
        .containsExactly(0.5f, 1.5f, -3f);
    assertThat(ExternalData.CHUNK % 8).isZero();
    assertThat(ExternalData.CHUNK).isLessThan(Integer.MAX_VALUE);
  }

  @Test
  void externalDataNeedsAFolder() {
    TensorProto.Builder b = tensor(DataType.FLOAT, 1)
        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(dev.vireo.onnx.proto.StringStringEntryProto.newBuilder().setKey("location").setValue("w.bin"));
    assertThatThrownBy(() -> decode(b)).hasMessageContaining("external data is not allowed");
  }
}
