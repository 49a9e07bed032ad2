package dev.vireo.linalg.panama;

import dev.vireo.linalg.QuantMath;
import dev.vireo.linalg.ScalarQuantMath;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link QuantMath} on the Vector API, bit for bit the same as {@link ScalarQuantMath}.
 *
 * <p>Rounding half to even without a rint operation: v is first clamped to [-512, 512], which
 * changes no result (rint(v) + zeroPoint saturates for any |v| ≥ 512 with a zero point in [-128,
 * 255]) and maps ±Inf there, then {@code (v + 1.5·2^23) - 1.5·2^23} rounds it to an integer
 * exactly as rint does (the sum's ulp is 1 and float addition rounds half to even). A NaN is
 * replaced by 0 before the int conversion, so it lands on the zero point as in the reference.
 * Bytes move through a byte vector of a quarter of the int vector's size, at least 64 bits: at
 * 128-bit that one holds two int vectors' worth, so a store writes past the values it carries;
 * loops stop a byte vector short of the end and the next store or the scalar tail overwrites the
 * extra bytes with their own values. Requantization runs in double lanes (the reference's double
 * product) with the same clamp-then-round trick at 1.5·2^52.
 */
public final class PanamaQuantMath implements QuantMath {
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
  static final int L = F.length();
  static final VectorSpecies<Byte> BQ =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, I.vectorBitSize() / 4)));
  static final int BL = BQ.length();
  static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  static final int DL = D.length();
  /** Ints filling half a double vector's bits: one per double lane. */
  static final VectorSpecies<Integer> ID =
      VectorSpecies.of(int.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
  private static final float MAGIC = 12582912f;
  /** 1.5·2^52: adding and subtracting it rounds a double of magnitude below 2^51 to an integer. */
  private static final double DMAGIC = 6755399441055744.0;
  /** Beyond ±2^20 every requantized value saturates (zero points lie in [-128, 255]). */
  private static final double DLIMIT = 1 << 20;
  private static final float LIMIT = 512f;

  @Override
  public void range(float[] x, int off, int n, float[] range) {
    FloatVector min = FloatVector.zero(F);
    FloatVector max = FloatVector.zero(F);
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, off + i);
      min = min.min(v);
      max = max.max(v);
    }
    float lo = min.reduceLanes(VectorOperators.MIN);
    float hi = max.reduceLanes(VectorOperators.MAX);
    for (; i < n; i++) {
      lo = Math.min(lo, x[off + i]);
      hi = Math.max(hi, x[off + i]);
    }
    range[0] = lo;
    range[1] = hi;
  }

  @Override
  public void quantize(float[] x, int xo, int n, float scale, int zeroPoint, int lo, int hi,
      byte[] out, int oo) {
    int i = 0;
    for (; i + BL <= n; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, xo + i).div(scale).max(-LIMIT).min(LIMIT);
      VectorMask<Float> nan = v.test(VectorOperators.IS_NAN);
      FloatVector r = v.add(MAGIC).sub(MAGIC).blend(0f, nan);
      IntVector q = ((IntVector) r.convertShape(VectorOperators.F2I, I, 0)).add(zeroPoint).max(lo).min(hi);
      ((ByteVector) q.convertShape(VectorOperators.I2B, BQ, 0)).intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = (byte) ScalarQuantMath.quantizeOne(x[xo + i], scale, zeroPoint, lo, hi);
    }
  }

  @Override
  public void quantizeCentered(float[] x, int xo, int n, float scale, int zeroPoint, int[] out,
      int oo) {
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, xo + i).div(scale).max(-LIMIT).min(LIMIT);
      VectorMask<Float> nan = v.test(VectorOperators.IS_NAN);
      FloatVector r = v.add(MAGIC).sub(MAGIC).blend(0f, nan);
      IntVector q = ((IntVector) r.convertShape(VectorOperators.F2I, I, 0)).add(zeroPoint).max(0).min(255);
      q.sub(zeroPoint).intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = ScalarQuantMath.quantizeOne(x[xo + i], scale, zeroPoint, 0, 255) - zeroPoint;
    }
  }

  @Override
  public void center(byte[] x, int xo, int n, boolean unsigned, int zeroPoint, int[] out, int oo) {
    int i = 0;
    int mask = unsigned ? 0xFF : -1;
    for (; i + BL <= n; i += L) {
      IntVector v = (IntVector) ByteVector.fromArray(BQ, x, xo + i).convertShape(VectorOperators.B2I, I, 0);
      v.and(mask).sub(zeroPoint).intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = (x[xo + i] & mask) - zeroPoint;
    }
  }

  @Override
  public void dequantize(byte[] x, int xo, int n, boolean unsigned, int zeroPoint, float scale,
      float[] out, int oo) {
    int i = 0;
    int mask = unsigned ? 0xFF : -1;
    for (; i + BL <= n; i += L) {
      IntVector v = (IntVector) ByteVector.fromArray(BQ, x, xo + i).convertShape(VectorOperators.B2I, I, 0);
      ((FloatVector) v.and(mask).sub(zeroPoint).convertShape(VectorOperators.I2F, F, 0))
          .mul(scale).intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = ((x[xo + i] & mask) - zeroPoint) * scale;
    }
  }

  @Override
  public void scaleToFloat(int[] c, int co, int n, float[] scale, int so, float[] bias, int bo,
      float[] out, int oo) {
    int j = 0;
    if (bias == null) {
      for (; j + L <= n; j += L) {
        ((FloatVector) IntVector.fromArray(I, c, co + j).convertShape(VectorOperators.I2F, F, 0))
            .mul(FloatVector.fromArray(F, scale, so + j)).intoArray(out, oo + j);
      }
    } else {
      for (; j + L <= n; j += L) {
        ((FloatVector) IntVector.fromArray(I, c, co + j).convertShape(VectorOperators.I2F, F, 0))
            .mul(FloatVector.fromArray(F, scale, so + j)).add(FloatVector.fromArray(F, bias, bo + j))
            .intoArray(out, oo + j);
      }
    }
    for (; j < n; j++) {
      float v = c[co + j] * scale[so + j];
      out[oo + j] = bias == null ? v : v + bias[bo + j];
    }
  }

  @Override
  public void scaleToFloat(int[] c, int co, int n, float scale, float[] out, int oo) {
    int j = 0;
    for (; j + L <= n; j += L) {
      ((FloatVector) IntVector.fromArray(I, c, co + j).convertShape(VectorOperators.I2F, F, 0))
          .mul(scale).intoArray(out, oo + j);
    }
    for (; j < n; j++) {
      out[oo + j] = c[co + j] * scale;
    }
  }

  @Override
  public void requantize(int[] c, int co, int n, float multiplier, int zeroPoint, int lo, int hi) {
    double mul = multiplier;
    int i = 0;
    for (; i + DL <= n; i += DL) {
      DoubleVector v = ((DoubleVector) IntVector.fromArray(ID, c, co + i)
          .convertShape(VectorOperators.I2D, D, 0)).mul(mul).max(-DLIMIT).min(DLIMIT);
      DoubleVector r = v.add(DMAGIC).sub(DMAGIC);
      ((IntVector) r.convertShape(VectorOperators.D2I, ID, 0)).add(zeroPoint).max(lo).min(hi)
          .intoArray(c, co + i);
    }
    for (; i < n; i++) {
      c[co + i] = ScalarQuantMath.requantizeOne(c[co + i], multiplier, zeroPoint, lo, hi);
    }
  }

  @Override
  public void narrow(int[] c, int co, int n, byte[] out, int oo) {
    int i = 0;
    for (; i + BL <= n; i += L) {
      ((ByteVector) IntVector.fromArray(I, c, co + i).convertShape(VectorOperators.I2B, BQ, 0))
          .intoArray(out, oo + i);
    }
    for (; i < n; i++) {
      out[oo + i] = (byte) c[co + i];
    }
  }
}
