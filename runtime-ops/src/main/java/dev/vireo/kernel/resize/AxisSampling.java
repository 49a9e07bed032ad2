package dev.vireo.kernel.resize;

import dev.vireo.exec.ExecContext;
import java.util.Arrays;

/**
 * How one axis is resampled: for each output position, the first input tap, the weights of its
 * {@code taps} consecutive neighbours (indices outside the input clamp to the edge), and whether
 * the position lies outside the crop (tf_crop_and_resize: it takes the extrapolation value).
 *
 * <p>Implementation notes: this follows the ONNX reference resize. Source coordinates are
 * computed in double from the axis's scale factor (the given scale, or output/input length when
 * sizes are given); the output width used by align_corners and tf_crop_and_resize is the
 * fractional {@code scale * input}, not the rounded length. A coordinate that falls exactly on
 * an input index has ratio 1 against the index below, so every filter sees a ratio in (0, 1].
 * The n taps are the n input indices nearest the coordinate, preferring lower ones.
 */
final class AxisSampling {
  /** Multiply-adds below which a chunk is not worth handing to another thread. */
  private static final int MIN_PARALLEL_WORK = 1 << 15;

  final int outLen;
  final int taps;
  final int[] start;
  final double[] weights;
  final boolean[] extrapolated;

  private AxisSampling(int outLen, int taps) {
    this.outLen = outLen;
    this.taps = taps;
    start = new int[outLen];
    weights = new double[outLen * taps];
    extrapolated = new boolean[outLen];
  }

  /** The resampling of an axis of length {@code inLen} to {@code outLen} under {@code p}. */
  static AxisSampling of(ResizeParams p, int inLen, int outLen, double scale, double roiStart, double roiEnd) {
    double outWidth = scale * inLen;
    int n = p.taps(scale);
    AxisSampling s = new AxisSampling(outLen, n);
    double[] c = new double[n];
    for (int y = 0; y < outLen; y++) {
      double x = switch (p.coordinateMode) {
        case ALIGN_CORNERS -> outWidth == 1 ? 0 : y * (inLen - 1) / (outWidth - 1);
        case ASYMMETRIC -> y / scale;
        case TF_CROP_AND_RESIZE -> (outWidth == 1
            ? (roiEnd - roiStart) * (inLen - 1) / 2
            : y * (roiEnd - roiStart) * (inLen - 1) / (outWidth - 1)) + roiStart * (inLen - 1);
        case PYTORCH_HALF_PIXEL -> outWidth == 1 ? -0.5 : (y + 0.5) / scale - 0.5;
        case HALF_PIXEL -> (y + 0.5) / scale - 0.5;
        case HALF_PIXEL_SYMMETRIC -> inLen / 2.0 * (1 - outLen / outWidth) + (y + 0.5) / scale - 0.5;
        case TF_HALF_PIXEL_FOR_NN -> (y + 0.5) / scale;
      };
      if (p.coordinateMode == ResizeParams.Coordinates.TF_CROP_AND_RESIZE && (x < 0 || x > inLen - 1)) {
        s.extrapolated[y] = true;
      }
      double fl = Math.floor(x);
      double ratio = x == fl ? 1 : x - fl;
      p.coefficients(ratio, scale, c);
      int first = (int) fl - n / 2 + (x == fl ? 0 : 1);
      if (p.excludeOutside) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          int idx = first + k;
          if (idx < 0 || idx >= inLen) {
            c[k] = 0;
          }
          sum += c[k];
        }
        if (sum != 0) {
          for (int k = 0; k < n; k++) {
            c[k] /= sum;
          }
        }
      }
      s.start[y] = first;
      System.arraycopy(c, 0, s.weights, y * n, n);
    }
    return s;
  }

  /**
   * For nearest sampling (two taps with weights 1 and 0): the input index each output position
   * reads, clamped into the axis, or -1 where extrapolated.
   */
  int[] nearestSource(int inLen) {
    int[] src = new int[outLen];
    for (int y = 0; y < outLen; y++) {
      int k = weights[y * taps] != 0 ? 0 : 1;
      src[y] = extrapolated[y] ? -1 : Math.clamp(start[y] + k, 0, inLen - 1);
    }
    return src;
  }

  /**
   * Resamples axis {@code axis} of {@code src} (dims {@code dims}, row-major) into a new array
   * whose dim there is {@link #outLen}.
   */
  double[] apply(double[] src, int[] dims, int axis, double extrapolationValue, ExecContext ctx) {
    int outer = 1;
    for (int k = 0; k < axis; k++) {
      outer *= dims[k];
    }
    int innerSize = 1;
    for (int k = axis + 1; k < dims.length; k++) {
      innerSize *= dims[k];
    }
    int inner = innerSize;
    int inLen = dims[axis];
    double[] dst = new double[outer * outLen * inner];
    int work = Math.max(1, outLen * inner * taps);
    ctx.parallelFor(outer, Math.max(1, MIN_PARALLEL_WORK / work), (from, to) -> {
      for (int o = from; o < to; o++) {
        resampleRow(src, dst, o, inLen, inner, extrapolationValue);
      }
    });
    return dst;
  }

  /** Resamples the lines of outer index {@code o}. */
  private void resampleRow(double[] src, double[] dst, int o, int inLen, int inner, double extrapolationValue) {
    int srcBase = o * inLen * inner;
    for (int y = 0; y < outLen; y++) {
      int dstBase = (o * outLen + y) * inner;
      if (extrapolated[y]) {
        Arrays.fill(dst, dstBase, dstBase + inner, extrapolationValue);
        continue;
      }
      for (int k = 0; k < taps; k++) {
        double w = weights[y * taps + k];
        int s = srcBase + Math.clamp(start[y] + k, 0, inLen - 1) * inner;
        for (int i = 0; i < inner; i++) {
          dst[dstBase + i] += w * src[s + i];
        }
      }
    }
  }
}
