package dev.vireo.linalg;

import java.util.Arrays;

/**
 * The layout that turns a strided, padded, dilated 2-D window op into contiguous row loops: one
 * [H, W] input plane is copied with its padding into a buffer whose rows are split into {@code
 * sW} column phases (padded column j is stored in phase {@code j mod sW} at index {@code j / sW}).
 * Output position (oh, ow) then reads tap (kh, kw) at {@code rowTap(oh, kh, kw) + ow}, so an
 * output row is a combination of {@code kH·kW} contiguous runs ({@link WindowRowOps}).
 *
 * <p>The buffer covers every tap of every output, including windows that end past the end
 * padding (ceil mode); cells outside the input hold the fill value.
 */
public final class PaddedPlane {
  private final int inH;
  private final int inW;
  private final int kH;
  private final int kW;
  private final int sH;
  private final int sW;
  private final int padT;
  private final int padL;
  private final int dH;
  private final int dW;
  private final int outH;
  private final int outW;
  private final int rows;
  private final int phaseLen;

  /** Geometry of one plane; all sizes >= 1, pads >= 0. */
  public PaddedPlane(int inH, int inW, int kH, int kW, int sH, int sW, int padT, int padL, int dH,
      int dW, int outH, int outW) {
    this.inH = inH;
    this.inW = inW;
    this.kH = kH;
    this.kW = kW;
    this.sH = sH;
    this.sW = sW;
    this.padT = padT;
    this.padL = padL;
    this.dH = dH;
    this.dW = dW;
    this.outH = outH;
    this.outW = outW;
    rows = Math.max(padT + inH, (outH - 1) * sH + (kH - 1) * dH + 1);
    int width = Math.max(padL + inW, (outW - 1) * sW + (kW - 1) * dW + 1);
    phaseLen = (width + sW - 1) / sW;
  }

  /** Floats the buffer needs. */
  public int size() {
    return rows * sW * phaseLen;
  }

  /** Taps per output: kH·kW. */
  public int taps() {
    return kH * kW;
  }

  public int outH() {
    return outH;
  }

  public int outW() {
    return outW;
  }

  /** Copies plane {@code x[xOff ..]} ([inH, inW] row-major) into {@code buf} with {@code fill} around it. */
  public void fill(float[] x, int xOff, float fill, float[] buf) {
    int stride = sW * phaseLen;
    for (int r = 0; r < rows; r++) {
      int ih = r - padT;
      int dst = r * stride;
      if (ih < 0 || ih >= inH) {
        Arrays.fill(buf, dst, dst + stride, fill);
        continue;
      }
      int src = xOff + ih * inW;
      if (sW == 1) {
        int lo = Math.min(padL, phaseLen);
        int hi = Math.min(phaseLen, padL + inW);
        Arrays.fill(buf, dst, dst + lo, fill);
        System.arraycopy(x, src, buf, dst + lo, hi - lo);
        Arrays.fill(buf, dst + hi, dst + phaseLen, fill);
        continue;
      }
      if (sW == 2) {
        // padded column padL + iw: even iw land in phase padL & 1, odd ones in the other
        Arrays.fill(buf, dst, dst + stride, fill);
        int lead = padL & 1;
        WindowRows.ops().deinterleave(x, src, inW, buf, dst + lead * phaseLen + (padL >> 1), buf,
            dst + (1 - lead) * phaseLen + ((padL + 1) >> 1));
        continue;
      }
      for (int p = 0; p < sW; p++) {
        int d = dst + p * phaseLen;
        // q in [lo, hi) reads input column p − padL + q·sW inside [0, inW)
        int lo = Math.min(phaseLen, Math.max(0, (padL - p + sW - 1) / sW));
        int hi = Math.max(lo, Math.min(phaseLen, (inW + padL - p + sW - 1) / sW));
        Arrays.fill(buf, d, d + lo, fill);
        for (int q = lo, iw = src + p - padL + lo * sW; q < hi; q++, iw += sW) {
          buf[d + q] = x[iw];
        }
        Arrays.fill(buf, d + hi, d + phaseLen, fill);
      }
    }
  }

  /** Writes into {@code tap} the buffer offset of each tap (kh-major) for output row {@code oh}. */
  public void rowTaps(int oh, int[] tap) {
    int stride = sW * phaseLen;
    int t = 0;
    for (int kh = 0; kh < kH; kh++) {
      int row = (oh * sH + kh * dH) * stride;
      for (int kw = 0; kw < kW; kw++) {
        int j = kw * dW;
        tap[t++] = row + (j % sW) * phaseLen + j / sW;
      }
    }
  }
}
