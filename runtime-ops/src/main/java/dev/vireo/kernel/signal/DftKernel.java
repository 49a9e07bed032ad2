package dev.vireo.kernel.signal;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * DFT: the Fourier transform of a real ([..., 1]) or complex ([..., 2]) signal along one axis,
 * computed in double and written in the input's float type.
 *
 * <ul>
 *   <li>dft_length (optional input 1) zero-pads or truncates the signal along the axis; it
 *       defaults to the axis length, or to 2·(length − 1) for an inverse one-sided transform.
 *   <li>The axis is the attribute {@code axis} (default 1) up to opset 19 and the optional input 2
 *       (default −2) from opset 20; either counts over the full rank and must not be the last.
 *   <li>Forward: output [..., n or n/2+1 when onesided, ..., 2].
 *   <li>Inverse: divided by n; when onesided the input is the first n/2+1 bins of a Hermitian
 *       spectrum and the output is the real signal [..., n, ..., 1].
 * </ul>
 */
public final class DftKernel implements Kernel {
  private final boolean axisInput;
  private final long axisAttr;
  private final boolean inverse;
  private final boolean onesided;

  DftKernel(Node n) {
    axisInput = n.opset() >= 20;
    axisAttr = n.attrInt("axis", 1);
    inverse = n.attrInt("inverse", 0) != 0;
    onesided = n.attrInt("onesided", 0) != 0;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Shape s = x.shape();
    int r = s.rank();
    if (r < 2 || (s.dim(r - 1) != 1 && s.dim(r - 1) != 2)) {
      throw new IllegalArgumentException("DFT: input must be [..., 1] (real) or [..., 2] (complex), got " + x.describe());
    }
    long a = axisInput ? Reals.scalar(inputs.length > 2 ? inputs[2] : null, -2, "DFT: axis") : axisAttr;
    if (a < -r || a >= r) {
      throw new IllegalArgumentException("DFT: axis " + a + " is out of range for " + x.describe());
    }
    int axis = (int) Math.floorMod(a, r);
    if (axis == r - 1) {
      throw new IllegalArgumentException("DFT: axis " + a + " is the real/imaginary axis of " + x.describe());
    }
    int len = s.dim(axis);
    boolean irfft = inverse && onesided;
    long dflt = irfft ? 2L * (len - 1) : len;
    long nl = Reals.scalar(inputs.length > 1 ? inputs[1] : null, dflt, "DFT: dft_length");
    if (nl < 1) {
      throw new IllegalArgumentException("DFT: dft_length must be >= 1, got " + nl + " for " + x.describe());
    }
    int n = (int) nl;
    int outLen = irfft ? n : onesided ? n / 2 + 1 : n;
    int outC = irfft ? 1 : 2;
    int c = s.dim(r - 1);
    int outer = s.sizeBetween(0, axis);
    int inner = s.sizeBetween(axis + 1, r - 1);
    int[] od = s.dims();
    od[axis] = outLen;
    od[r - 1] = outC;
    double[] in = Reals.of(x);
    double[] out = new double[outer * outLen * inner * outC];
    Fourier f = new Fourier(n);
    // an inverse one-sided input holds bins 0..n/2 of a Hermitian spectrum
    int used = Math.min(len, irfft ? n / 2 + 1 : n);
    double[] re = new double[n];
    double[] im = new double[n];
    double[] yr = new double[outLen];
    double[] yi = new double[outLen];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        for (int t = 0; t < used; t++) {
          int at = ((o * len + t) * inner + i) * c;
          re[t] = in[at];
          im[t] = c == 2 ? in[at + 1] : 0;
        }
        int inLen = used;
        if (irfft) {
          for (int k = n / 2 + 1; k < n; k++) {
            re[k] = re[n - k];
            im[k] = -im[n - k];
          }
          inLen = n;
        }
        f.transform(re, im, inLen, inverse, yr, yi, outLen);
        for (int k = 0; k < outLen; k++) {
          int at = ((o * outLen + k) * inner + i) * outC;
          out[at] = yr[k];
          if (outC == 2) {
            out[at + 1] = yi[k];
          }
        }
      }
    }
    return new Tensor[] {Reals.tensor(out, x.dtype(), Shape.of(od), ctx)};
  }
}
