package dev.vireo.kernel.detect;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * RoiAlign: for each RoI r (box [x1, y1, x2, y2] in image coordinates, scaled by spatial_scale
 * and shifted by -0.5 under half_pixel) and channel, divides the box into output_height ×
 * output_width bins and samples each bin on a grid of sampling_ratio² points (0: ceil(box size /
 * bins) per axis) by bilinear interpolation of X[batch_indices[r], c].
 *
 * <p>As onnxruntime and the ONNX reference do: a sample more than one pixel outside the map reads
 * 0; one in [-1, 0] is clamped to 0; under output_half_pixel (opset 10's only behaviour) the box is
 * at least 1×1. Mode avg averages the samples; mode max takes the largest of the four weighted
 * corner products {@code w·v} over all samples of a bin (not the max of the interpolated values).
 * f32 (f16/bf16 via f32) and f64, computed in double.
 */
public final class RoiAlignKernel implements Kernel {
  private final boolean max;
  private final boolean halfPixel;
  private final int outH;
  private final int outW;
  private final int samplingRatio;
  private final double spatialScale;

  RoiAlignKernel(Node n, boolean opset16) {
    String m = n.attrString("mode", "avg");
    if (!m.equals("avg") && !m.equals("max")) {
      throw new IllegalArgumentException("RoiAlign: unknown mode '" + m + "', expected avg or max");
    }
    max = m.equals("max");
    // opset 16 added the attribute; opset 10 behaves as output_half_pixel
    String t = opset16 ? n.attrString("coordinate_transformation_mode", "half_pixel") : "output_half_pixel";
    if (!t.equals("half_pixel") && !t.equals("output_half_pixel")) {
      throw new IllegalArgumentException("RoiAlign: unknown coordinate_transformation_mode '" + t
          + "', expected half_pixel or output_half_pixel");
    }
    halfPixel = t.equals("half_pixel");
    outH = (int) n.attrInt("output_height", 1);
    outW = (int) n.attrInt("output_width", 1);
    samplingRatio = (int) n.attrInt("sampling_ratio", 0);
    spatialScale = n.attrFloat("spatial_scale", 1f);
    if (outH < 1 || outW < 1 || samplingRatio < 0) {
      throw new IllegalArgumentException("RoiAlign: output_height " + outH + " and output_width " + outW
          + " must be >= 1 and sampling_ratio " + samplingRatio + " >= 0");
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    Tensor rois0 = inputs[1];
    Tensor batch = inputs[2];
    if (x0.rank() != 4 || rois0.rank() != 2 || rois0.shape().dim(1) != 4 || batch.rank() != 1
        || batch.shape().dim(0) != rois0.shape().dim(0)) {
      throw new IllegalArgumentException("RoiAlign needs X [N, C, H, W], rois [R, 4] and batch_indices [R], got X "
          + x0.describe() + ", rois " + rois0.describe() + ", batch_indices " + batch.describe());
    }
    int n = x0.shape().dim(0);
    int c = x0.shape().dim(1);
    int h = x0.shape().dim(2);
    int w = x0.shape().dim(3);
    int r = rois0.shape().dim(0);
    boolean dbl = x0.dtype() == DType.DOUBLE;
    double[] xd = dbl ? x0.doubles() : null;
    float[] xf = dbl ? null : HalfFloats.widen(x0).floats();
    Tensor out = ctx.allocate(dbl ? DType.DOUBLE : DType.FLOAT, Shape.of(r, c, outH, outW));
    double[] yd = dbl ? out.doubles() : null;
    float[] yf = dbl ? null : out.floats();
    for (int i = 0; i < r; i++) {
      long b = batch.getLong(i);
      if (b < 0 || b >= n) {
        throw new IllegalArgumentException("RoiAlign: batch_indices[" + i + "] = " + b + " is outside [0, "
            + n + ")");
      }
    }
    int plane = h * w;
    ctx.parallelFor(r * c, 1, (from, to) -> {
      for (int rc = from; rc < to; rc++) {
        int roi = rc / c;
        int ch = rc % c;
        int base = ((int) batch.getLong(roi) * c + ch) * plane;
        double off = halfPixel ? 0.5 : 0;
        double x1 = rois0.getDouble(roi * 4) * spatialScale - off;
        double y1 = rois0.getDouble(roi * 4 + 1) * spatialScale - off;
        double x2 = rois0.getDouble(roi * 4 + 2) * spatialScale - off;
        double y2 = rois0.getDouble(roi * 4 + 3) * spatialScale - off;
        double rw = x2 - x1;
        double rh = y2 - y1;
        if (!halfPixel) {
          rw = Math.max(rw, 1);
          rh = Math.max(rh, 1);
        }
        double binH = rh / outH;
        double binW = rw / outW;
        int gridH = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(rh / outH);
        int gridW = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(rw / outW);
        int count = Math.max(gridH * gridW, 1);
        for (int ph = 0; ph < outH; ph++) {
          for (int pw = 0; pw < outW; pw++) {
            double acc = 0;
            boolean first = true;
            for (int iy = 0; iy < gridH; iy++) {
              double y = y1 + ph * binH + (iy + 0.5) * binH / gridH;
              for (int ix = 0; ix < gridW; ix++) {
                double xx = x1 + pw * binW + (ix + 0.5) * binW / gridW;
                double v = sample(xf, xd, base, h, w, y, xx);
                if (!max) {
                  acc += v;
                } else if (first || v > acc) {
                  acc = v;
                }
                first = false;
              }
            }
            double res = max ? acc : acc / count;
            int o = (rc * outH + ph) * outW + pw;
            if (dbl) {
              yd[o] = res;
            } else {
              yf[o] = (float) res;
            }
          }
        }
      }
    });
    return new Tensor[] {dbl ? out : HalfFloats.narrow(ctx, out, x0.dtype())};
  }

  /**
   * One sample at (y, x): the bilinear interpolation (avg mode) or the largest weighted corner
   * (max mode); 0 more than one pixel outside the map.
   */
  private double sample(float[] xf, double[] xd, int base, int h, int w, double y, double x) {
    if (y < -1 || y > h || x < -1 || x > w) {
      return 0;
    }
    y = Math.max(y, 0);
    x = Math.max(x, 0);
    int yl = (int) y;
    int xl = (int) x;
    int yh;
    int xh;
    if (yl >= h - 1) {
      yh = yl = h - 1;
      y = yl;
    } else {
      yh = yl + 1;
    }
    if (xl >= w - 1) {
      xh = xl = w - 1;
      x = xl;
    } else {
      xh = xl + 1;
    }
    double ly = y - yl;
    double lx = x - xl;
    double hy = 1 - ly;
    double hx = 1 - lx;
    double v1 = hy * hx * at(xf, xd, base + yl * w + xl);
    double v2 = hy * lx * at(xf, xd, base + yl * w + xh);
    double v3 = ly * hx * at(xf, xd, base + yh * w + xl);
    double v4 = ly * lx * at(xf, xd, base + yh * w + xh);
    return max ? Math.max(Math.max(v1, v2), Math.max(v3, v4)) : v1 + v2 + v3 + v4;
  }

  private static double at(float[] xf, double[] xd, int i) {
    return xf != null ? xf[i] : xd[i];
  }
}
