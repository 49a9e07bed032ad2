package dev.vireo.kernel.signal;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * MelWeightMatrix: the [dft_length/2 + 1, num_mel_bins] matrix of triangular filters that maps
 * a one-sided magnitude spectrum to mel bands, in output_datatype (default f32). Inputs are
 * scalars: num_mel_bins, dft_length, sample_rate, lower_edge_hertz, upper_edge_hertz.
 *
 * <p>Band edges follow the ONNX reference exactly: num_mel_bins + 2 points spaced by (high −
 * low mel) / (num_mel_bins + 2) from the low edge, mapped to Hz with {@code 700·(10^(m/2595) −
 * 1)} and to bins as {@code floor((dft_length + 1)·hz / sample_rate)}.
 */
public final class MelWeightMatrixKernel implements Kernel {
  private final DType type;

  MelWeightMatrixKernel(Node n) {
    type = DType.fromOnnx((int) n.attrInt("output_datatype", DType.FLOAT.onnxCode()));
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    int mels = (int) Reals.scalar(inputs[0], 0, "MelWeightMatrix: num_mel_bins");
    long dft = Reals.scalar(inputs[1], 0, "MelWeightMatrix: dft_length");
    long rate = Reals.scalar(inputs[2], 0, "MelWeightMatrix: sample_rate");
    double low = inputs[3].getDouble(0);
    double high = inputs[4].getDouble(0);
    if (mels < 1 || dft < 1 || rate < 1 || low < 0 || high <= low) {
      throw new IllegalArgumentException("MelWeightMatrix: need num_mel_bins, dft_length, sample_rate >= 1 and"
          + " 0 <= lower_edge_hertz < upper_edge_hertz, got " + mels + ", " + dft + ", " + rate + ", " + low + ", " + high);
    }
    int spectrum = (int) (dft / 2 + 1);
    double lowMel = 2595 * Math.log10(1 + low / 700);
    double highMel = 2595 * Math.log10(1 + high / 700);
    double step = (highMel - lowMel) / (mels + 2);
    int[] edge = new int[mels + 2];
    for (int i = 0; i < edge.length; i++) {
      double hz = 700 * (Math.pow(10, (i * step + lowMel) / 2595) - 1);
      edge[i] = (int) Math.floor((dft + 1) * hz / rate);
    }
    double[] w = new double[spectrum * mels];
    for (int m = 0; m < mels; m++) {
      int left = edge[m];
      int center = edge[m + 1];
      int right = edge[m + 2];
      if (center == left) {
        set(w, center, m, mels, spectrum, 1);
      } else {
        for (int j = left; j <= center; j++) {
          set(w, j, m, mels, spectrum, (double) (j - left) / (center - left));
        }
      }
      for (int j = center; j < right; j++) {
        set(w, j, m, mels, spectrum, (double) (right - j) / (right - center));
      }
    }
    return new Tensor[] {Reals.tensor(w, type, Shape.of(spectrum, mels), ctx)};
  }

  private static void set(double[] w, int bin, int mel, int mels, int spectrum, double v) {
    if (bin < 0 || bin >= spectrum) {
      throw new IllegalArgumentException("MelWeightMatrix: band edge bin " + bin + " is outside [0, " + spectrum
          + "); upper_edge_hertz must not exceed sample_rate / 2");
    }
    w[bin * mels + mel] = v;
  }
}
