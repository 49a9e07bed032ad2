package dev.vireo.kernel.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CastKernelTest {
  private static Tensor cast(Tensor x, DType to) {
    return KernelHarness.op("Cast", 21).attr("to", (long) to.onnxCode()).run1(x);
  }

  @Test
  void floatToIntegersTruncatesTowardZero() {
    Tensor x = Tensor.of(new float[] {1.7f, -1.7f, 300f}, 3);
    assertThat(cast(x, DType.INT64).longs()).containsExactly(1, -1, 300);
    assertThat(cast(x, DType.INT32).ints()).containsExactly(1, -1, 300);
    // 300 wraps to 44 in 8 bits
    assertThat(cast(x, DType.UINT8).bytes()).containsExactly(1, (byte) 255, 44);
  }

  @Test
  void floatToIntegerEdgesSaturateThroughLongThenKeepLowBits() {
    Tensor x = Tensor.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        3e9f, -3e9f, 1e20f, 255.9f, -0.9f, -129f, 65537.5f}, 10);
    // (long) NaN = 0; (long) +inf = Long.MAX_VALUE (all ones below the sign); 3e9 wraps in 32 bits
    assertThat(cast(x, DType.INT64).longs()).containsExactly(0, Long.MAX_VALUE, Long.MIN_VALUE,
        3_000_000_000L, -3_000_000_000L, Long.MAX_VALUE, 255, 0, -129, 65537);
    assertThat(cast(x, DType.INT32).ints()).containsExactly(0, -1, 0, (int) 3_000_000_000L,
        (int) -3_000_000_000L, -1, 255, 0, -129, 65537);
    assertThat(cast(x, DType.UINT8).bytes()).containsExactly(0, -1, 0, (byte) 0x00, (byte) 0x00, -1,
        (byte) 255, 0, (byte) 127, 1);
    assertThat(cast(x, DType.INT8).bytes()).containsExactly(cast(x, DType.UINT8).bytes());
    assertThat(cast(x, DType.INT16).shorts()).containsExactly(0, -1, 0, (short) 3_000_000_000L,
        (short) -3_000_000_000L, -1, 255, 0, -129, 1);
    assertThat(cast(x, DType.BOOL).booleans()).containsExactly(true, true, true, true, true, true,
        true, true, true, true);
    assertThat(cast(x, DType.DOUBLE).doubles()[6]).isEqualTo((double) 255.9f);
  }

  @Test
  void integersToFloatRoundToNearest() {
    long big = (1L << 24) + 1;
    assertThat(cast(Tensor.of(new long[] {big, -7}, 2), DType.FLOAT).floats()).containsExactly(1 << 24, -7);
    assertThat(cast(Tensor.of(new int[] {(1 << 24) + 3, 5}, 2), DType.FLOAT).floats())
        .containsExactly((1 << 24) + 4, 5);
    assertThat(cast(Tensor.of(new int[] {-2, 7}, 2), DType.INT64).longs()).containsExactly(-2, 7);
    Tensor u8 = Tensor.wrap(DType.UINT8, Shape.of(2), new byte[] {(byte) 200, 3});
    Tensor s8 = Tensor.wrap(DType.INT8, Shape.of(2), new byte[] {(byte) 200, 3});
    assertThat(cast(u8, DType.FLOAT).floats()).containsExactly(200, 3);
    assertThat(cast(s8, DType.FLOAT).floats()).containsExactly(-56, 3);
    assertThat(cast(s8, DType.INT32).ints()).containsExactly(-56, 3);
    assertThat(cast(Tensor.of(new boolean[] {true, false}, 2), DType.FLOAT).floats()).containsExactly(1, 0);
  }

  @Test
  void integersAndBool() {
    Tensor x = Tensor.of(new long[] {0, 2, -1}, 3);
    assertThat(cast(x, DType.BOOL).booleans()).containsExactly(false, true, true);
    assertThat(cast(x, DType.FLOAT).floats()).containsExactly(0, 2, -1);
    assertThat(cast(Tensor.of(new boolean[] {true, false}, 2), DType.INT32).ints()).containsExactly(1, 0);
    Tensor u8 = Tensor.wrap(DType.UINT8, Shape.of(1), new byte[] {(byte) 200});
    assertThat(cast(u8, DType.INT64).longs()).containsExactly(200);
    long big = (1L << 53) + 1;
    assertThat(cast(Tensor.of(new long[] {big}, 1), DType.INT32).ints()).containsExactly(1);
  }

  @Test
  void halfAndBfloatRoundToNearestEven() {
    Tensor x = Tensor.of(new float[] {1f + 0x1p-11f, 1f + 3 * 0x1p-11f}, 2);
    Tensor h = cast(x, DType.FLOAT16);
    // halfway cases: 1 + 2^-11 rounds to 1 (even), 1 + 3*2^-11 rounds up to 1 + 2^-9
    assertThat(Float16.halfToFloat(h.shorts()[0])).isEqualTo(1f);
    assertThat(Float16.halfToFloat(h.shorts()[1])).isEqualTo(1f + 0x1p-9f);
    Tensor bf = cast(Tensor.of(new float[] {1f + 0x1p-8f}, 1), DType.BFLOAT16);
    assertThat(Float16.bfloat16ToFloat(bf.shorts()[0])).isEqualTo(1f);
    assertThat(cast(h, DType.FLOAT).floats()).containsExactly(1f, 1f + 0x1p-9f);
  }

  @Test
  void stringsParseAndPrint() {
    Tensor s = Tensor.of(new String[] {"1.5", " -2 ", "INF", "-inf", "NaN", "1e3"}, 6);
    float[] f = cast(s, DType.FLOAT).floats();
    assertThat(f[0]).isEqualTo(1.5f);
    assertThat(f[1]).isEqualTo(-2f);
    assertThat(f[2]).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(f[3]).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(f[4]).isNaN();
    assertThat(f[5]).isEqualTo(1000f);
    assertThat(cast(Tensor.of(new String[] {"42"}, 1), DType.INT64).longs()).containsExactly(42);
    assertThat(cast(Tensor.of(new long[] {-7}, 1), DType.STRING).strings()).containsExactly("-7");
    assertThat(cast(Tensor.of(new float[] {0.5f}, 1), DType.STRING).strings()).containsExactly("0.5");
    assertThatThrownBy(() -> cast(Tensor.of(new String[] {"abc"}, 1), DType.FLOAT))
        .hasMessage("Cast: 'abc' is not a number");
  }

  @Test
  void sameTypeReturnsInputAndComplexIsRejected() {
    Tensor x = Tensor.of(new float[] {1}, 1);
    assertThat(cast(x, DType.FLOAT)).isSameAs(x);
    assertThatThrownBy(() -> KernelHarness.op("Cast", 25).attr("to", (long) DType.COMPLEX64.onnxCode())
        .kernel(x))
        .hasMessage("Cast to c64 is not supported");
  }

  @Test
  void e8m0RoundsUpByDefault() {
    Tensor x = Tensor.of(new float[] {0.124f, 1.1f, 4f}, 3);
    assertThat(cast(x, DType.FLOAT8E8M0).bytes()).containsExactly(0x7C, (byte) 0x80, (byte) 0x81);
    Tensor down = KernelHarness.op("Cast", 25).attr("to", (long) DType.FLOAT8E8M0.onnxCode())
        .attr("round_mode", "down").run1(x);
    assertThat(down.bytes()).containsExactly(0x7B, 0x7F, (byte) 0x81);
    assertThat(cast(down, DType.FLOAT).floats()).containsExactly(0.0625f, 1f, 4f);
  }

  @Test
  void float8SaturatesByDefaultAndOverflowsWithoutSaturate() {
    Tensor x = Tensor.of(new float[] {1.0625f, 1000f, Float.NEGATIVE_INFINITY, Float.NaN}, 4);
    // 1.0625 is halfway between 1.0 (0x38) and 1.125 (0x39): even mantissa wins
    assertThat(cast(x, DType.FLOAT8E4M3FN).bytes())
        .containsExactly(0x38, 0x7E, (byte) 0xFE, 0x7F);
    Tensor noSat = KernelHarness.op("Cast", 19).attr("to", (long) DType.FLOAT8E5M2.onnxCode())
        .attr("saturate", 0L).run1(Tensor.of(new float[] {1e6f, -1e6f}, 2));
    assertThat(noSat.bytes()).containsExactly(0x7C, (byte) 0xFC);
    Tensor back = cast(Tensor.wrap(DType.FLOAT8E4M3FNUZ, Shape.of(2), new byte[] {0x7F, (byte) 0x80}),
        DType.FLOAT);
    assertThat(back.floats()).containsExactly(240f, Float.NaN);
  }

  @Test
  void subByteIntegersKeepTheLowBits() {
    Tensor x = Tensor.of(new float[] {-9, -8, 7, 8, 15}, 5);
    assertThat(cast(x, DType.INT4).bytes()).containsExactly(7, -8, 7, -8, -1);
    assertThat(cast(x, DType.UINT4).bytes()).containsExactly(7, 8, 7, 8, 15);
    assertThat(cast(x, DType.INT2).bytes()).containsExactly(-1, 0, -1, 0, -1);
    Tensor i4 = Tensor.wrap(DType.INT4, Shape.of(2), new byte[] {-8, 7});
    assertThat(cast(i4, DType.INT8).bytes()).containsExactly(-8, 7);
    assertThat(cast(i4, DType.FLOAT).floats()).containsExactly(-8f, 7f);
  }

  @Test
  void castLikeTakesTheTypeOfItsSecondInput() {
    Tensor like = Tensor.wrap(DType.FLOAT8E4M3FN, Shape.of(1), new byte[] {0});
    Tensor y = KernelHarness.op("CastLike", 19).attr("saturate", 0L)
        .run1(Tensor.of(new float[] {1.5f, 1000f}, 2), like);
    assertThat(y.dtype()).isEqualTo(DType.FLOAT8E4M3FN);
    assertThat(y.bytes()).containsExactly(0x3C, 0x7F);
  }
}
