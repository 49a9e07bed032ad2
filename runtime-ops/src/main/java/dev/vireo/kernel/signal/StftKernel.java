package dev.vireo.kernel.signal;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * STFT: signal [batch, length, 1 or 2], frame_step (scalar), optional window [frame_length] and
 * frame_length (scalar) give [batch, frames, bins, 2] with frames = 1 + (length − frame_length)
 * / frame_step and bins = frame_length/2 + 1 when onesided (the default), else frame_length.
 * Each frame is multiplied by the window (all ones when absent) and transformed in double.
 */
public final class StftKernel implements Kernel {
  private final boolean onesided;

  StftKernel(Node n) {
    onesided = n.attrInt("onesided", 1) != 0;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Shape s = x.shape();
    if (s.rank() != 3 || (s.dim(2) != 1 && s.dim(2) != 2)) {
      throw new IllegalArgumentException("STFT: signal must be [batch, length, 1 or 2], got " + x.describe());
    }
    long step = Reals.scalar(inputs[1], 0, "STFT: frame_step");
    Tensor window = inputs.length > 2 ? inputs[2] : null;
    Tensor lengthInput = inputs.length > 3 ? inputs[3] : null;
    int len = s.dim(1);
    long fl = Reals.scalar(lengthInput, window != null ? window.size() : len, "STFT: frame_length");
    if (step < 1 || fl < 1 || fl > len) {
      throw new IllegalArgumentException("STFT: need frame_step >= 1 and 1 <= frame_length <= " + len
          + ", got frame_step " + step + ", frame_length " + fl + " for " + x.describe());
    }
    int n = (int) fl;
    double[] w = new double[n];
    if (window == null) {
      Arrays.fill(w, 1);
    } else if (window.size() != n) {
      throw new IllegalArgumentException("STFT: window " + window.describe() + " must have frame_length " + n + " elements");
    } else {
      w = Reals.of(window);
    }
    int batch = s.dim(0);
    int c = s.dim(2);
    int frames = (int) (1 + (len - n) / step);
    int bins = onesided ? n / 2 + 1 : n;
    double[] in = Reals.of(x);
    double[] out = new double[batch * frames * bins * 2];
    Fourier f = new Fourier(n);
    double[] re = new double[n];
    double[] im = new double[n];
    double[] yr = new double[bins];
    double[] yi = new double[bins];
    for (int b = 0; b < batch; b++) {
      for (int fr = 0; fr < frames; fr++) {
        int start = (int) (fr * step);
        for (int t = 0; t < n; t++) {
          int at = (b * len + start + t) * c;
          re[t] = in[at] * w[t];
          im[t] = c == 2 ? in[at + 1] * w[t] : 0;
        }
        f.transform(re, im, n, false, yr, yi, bins);
        for (int k = 0; k < bins; k++) {
          int at = ((b * frames + fr) * bins + k) * 2;
          out[at] = yr[k];
          out[at + 1] = yi[k];
        }
      }
    }
    return new Tensor[] {Reals.tensor(out, x.dtype(), Shape.of(batch, frames, bins, 2), ctx)};
  }
}
