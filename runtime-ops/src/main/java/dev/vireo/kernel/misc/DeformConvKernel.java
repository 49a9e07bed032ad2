package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * DeformConv for 2-D data: a grouped convolution of X [N, C, H, W] with W [oC, C/group, kH, kW]
 * whose kernel taps are displaced by offset [N, offset_group·kH·kW·2, oH, oW] (per tap a (dy,
 * dx) pair) and optionally scaled by mask [N, offset_group·kH·kW, oH, oW]; displaced taps read X
 * by bilinear interpolation, with zeros outside X. Optional bias B [oC]. Computed in double.
 */
public final class DeformConvKernel implements Kernel {
  private final long[] dilations;
  private final long[] pads;
  private final long[] strides;
  private final int group;
  private final int offsetGroup;

  DeformConvKernel(Node n) {
    dilations = n.attrInts("dilations", new long[] {1, 1});
    pads = n.attrInts("pads", new long[] {0, 0, 0, 0});
    strides = n.attrInts("strides", new long[] {1, 1});
    group = (int) n.attrInt("group", 1);
    offsetGroup = (int) n.attrInt("offset_group", 1);
    if (dilations.length != 2 || pads.length != 4 || strides.length != 2 || group < 1 || offsetGroup < 1) {
      throw new IllegalArgumentException("DeformConv: only 2-D data is supported: need 2 dilations, 4 pads, 2 strides"
          + " and positive group and offset_group");
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Tensor w = inputs[1];
    Tensor off = inputs[2];
    Tensor bias = inputs.length > 3 ? inputs[3] : null;
    Tensor mask = inputs.length > 4 ? inputs[4] : null;
    if (x.rank() != 4 || w.rank() != 4) {
      throw new IllegalArgumentException("DeformConv: only 2-D data is supported, got X " + x.describe() + ", W " + w.describe());
    }
    int n = x.shape().dim(0);
    int c = x.shape().dim(1);
    int ih = x.shape().dim(2);
    int iw = x.shape().dim(3);
    int oc = w.shape().dim(0);
    int cPerGroup = w.shape().dim(1);
    int kh = w.shape().dim(2);
    int kw = w.shape().dim(3);
    int oh = (int) ((ih + pads[0] + pads[2] - ((kh - 1) * dilations[0] + 1)) / strides[0] + 1);
    int ow = (int) ((iw + pads[1] + pads[3] - ((kw - 1) * dilations[1] + 1)) / strides[1] + 1);
    int taps = kh * kw;
    if (c != cPerGroup * group || oc % group != 0 || c % offsetGroup != 0
        || !off.shape().equals(Shape.of(n, offsetGroup * taps * 2, oh, ow))
        || (mask != null && !mask.shape().equals(Shape.of(n, offsetGroup * taps, oh, ow)))) {
      throw new IllegalArgumentException("DeformConv: shapes do not fit: X " + x.describe() + ", W " + w.describe()
          + ", offset " + off.describe() + (mask != null ? ", mask " + mask.describe() : "") + " with group " + group
          + ", offset_group " + offsetGroup + " (expected offset [" + n + ", " + offsetGroup * taps * 2 + ", " + oh + ", " + ow + "])");
    }
    double[] xv = Reals.of(x);
    double[] wv = Reals.of(w);
    double[] ov = Reals.of(off);
    double[] mv = mask == null ? null : Reals.of(mask);
    double[] y = new double[n * oc * oh * ow];
    int ocPerGroup = oc / group;
    int cPerOffsetGroup = c / offsetGroup;
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < oc; o++) {
        int g = o / ocPerGroup;
        double bo = bias == null ? 0 : bias.getDouble(o);
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            double sum = bo;
            for (int ci = 0; ci < cPerGroup; ci++) {
              int ch = g * cPerGroup + ci;
              int og = ch / cPerOffsetGroup;
              int plane = (b * c + ch) * ih * iw;
              for (int a = 0; a < kh; a++) {
                for (int e = 0; e < kw; e++) {
                  int tap = og * taps + a * kw + e;
                  double dy = ov[(((b * offsetGroup * taps * 2) + tap * 2) * oh + i) * ow + j];
                  double dx = ov[(((b * offsetGroup * taps * 2) + tap * 2 + 1) * oh + i) * ow + j];
                  double py = i * strides[0] - pads[0] + a * dilations[0] + dy;
                  double px = j * strides[1] - pads[1] + e * dilations[1] + dx;
                  double m = mv == null ? 1 : mv[((b * offsetGroup * taps + tap) * oh + i) * ow + j];
                  double v = bilinear(xv, plane, ih, iw, py, px);
                  sum += v * m * wv[((o * cPerGroup + ci) * kh + a) * kw + e];
                }
              }
            }
            y[((b * oc + o) * oh + i) * ow + j] = sum;
          }
        }
      }
    }
    return new Tensor[] {Floats.tensor(y, x.dtype(), Shape.of(n, oc, oh, ow), ctx)};
  }

  /** X at (py, px) of one plane by bilinear interpolation, corners outside the plane being 0. */
  private static double bilinear(double[] x, int plane, int h, int w, double py, double px) {
    int y0 = (int) Math.floor(py);
    int x0 = (int) Math.floor(px);
    double fy = py - y0;
    double fx = px - x0;
    return corner(x, plane, h, w, y0, x0) * (1 - fy) * (1 - fx)
        + corner(x, plane, h, w, y0, x0 + 1) * (1 - fy) * fx
        + corner(x, plane, h, w, y0 + 1, x0) * fy * (1 - fx)
        + corner(x, plane, h, w, y0 + 1, x0 + 1) * fy * fx;
  }

  private static double corner(double[] x, int plane, int h, int w, int y, int xx) {
    return y < 0 || y >= h || xx < 0 || xx >= w ? 0 : x[plane + y * w + xx];
  }
}
