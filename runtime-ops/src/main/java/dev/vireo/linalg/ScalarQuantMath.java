package dev.vireo.linalg;

/** The reference {@link QuantMath}: one element at a time, the test oracle. */
public final class ScalarQuantMath implements QuantMath {
  @Override
  public void range(float[] x, int off, int n, float[] range) {
    float min = 0;
    float max = 0;
    for (int i = off; i < off + n; i++) {
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    range[0] = min;
    range[1] = max;
  }

  /** One value quantized as {@link QuantMath} defines it. */
  public static int quantizeOne(float x, float scale, int zeroPoint, int lo, int hi) {
    float v = x / scale;
    if (Float.isNaN(v)) {
      return zeroPoint;
    }
    float q = (float) Math.rint(v) + zeroPoint;
    return (int) Math.clamp(q, (float) lo, (float) hi);
  }

  @Override
  public void quantize(float[] x, int xo, int n, float scale, int zeroPoint, int lo, int hi,
      byte[] out, int oo) {
    for (int i = 0; i < n; i++) {
      out[oo + i] = (byte) quantizeOne(x[xo + i], scale, zeroPoint, lo, hi);
    }
  }

  @Override
  public void quantizeCentered(float[] x, int xo, int n, float scale, int zeroPoint, int[] out,
      int oo) {
    for (int i = 0; i < n; i++) {
      out[oo + i] = quantizeOne(x[xo + i], scale, zeroPoint, 0, 255) - zeroPoint;
    }
  }

  @Override
  public void center(byte[] x, int xo, int n, boolean unsigned, int zeroPoint, int[] out, int oo) {
    for (int i = 0; i < n; i++) {
      int v = unsigned ? x[xo + i] & 0xFF : x[xo + i];
      out[oo + i] = v - zeroPoint;
    }
  }

  @Override
  public void dequantize(byte[] x, int xo, int n, boolean unsigned, int zeroPoint, float scale,
      float[] out, int oo) {
    for (int i = 0; i < n; i++) {
      int v = unsigned ? x[xo + i] & 0xFF : x[xo + i];
      out[oo + i] = (v - zeroPoint) * scale;
    }
  }

  @Override
  public void scaleToFloat(int[] c, int co, int n, float[] scale, int so, float[] bias, int bo,
      float[] out, int oo) {
    for (int j = 0; j < n; j++) {
      float v = c[co + j] * scale[so + j];
      out[oo + j] = bias == null ? v : v + bias[bo + j];
    }
  }

  @Override
  public void scaleToFloat(int[] c, int co, int n, float scale, float[] out, int oo) {
    for (int j = 0; j < n; j++) {
      out[oo + j] = c[co + j] * scale;
    }
  }

  /** One accumulator requantized as {@link QuantMath#requantize} defines it. */
  public static int requantizeOne(int c, float multiplier, int zeroPoint, int lo, int hi) {
    double r = Math.rint((double) c * multiplier) + zeroPoint;
    return (int) Math.clamp(r, lo, hi);
  }

  @Override
  public void requantize(int[] c, int co, int n, float multiplier, int zeroPoint, int lo, int hi) {
    for (int i = co; i < co + n; i++) {
      c[i] = requantizeOne(c[i], multiplier, zeroPoint, lo, hi);
    }
  }

  @Override
  public void narrow(int[] c, int co, int n, byte[] out, int oo) {
    for (int i = 0; i < n; i++) {
      out[oo + i] = (byte) c[co + i];
    }
  }
}
