package dev.vireo.kernel.einsum;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.op.einsum.EinsumEquation;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Einsum over any number of inputs, with broadcast ellipsis, diagonals (a label repeated within
 * one input), contractions and plain sums. Floats (f32, f64, f16, bf16) accumulate in double,
 * integers (i32, i64, u32, u64) in long.
 *
 * <p>Implementation notes: every label gets, per input, the sum of the strides of the axes it
 * names (0 where a broadcast ellipsis dim has size 1), so a repeated label walks the diagonal.
 * Each output element then sums, over all values of the contracted labels, the product of the
 * inputs at their offsets; the innermost contracted label runs as a strided loop. Output
 * elements are split over the pool. Two f32 inputs forming a batched matrix product take {@link
 * EinsumGemm} instead.
 */
public final class EinsumKernel implements Kernel {
  private static final int GRAIN = 1 << 12;

  private final String equation;

  EinsumKernel(Node n) {
    equation = n.attrString("equation", null);
    if (equation == null) {
      throw new IllegalArgumentException("Einsum: the equation attribute is required");
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    int n = inputs.length;
    int[] ranks = new int[n];
    for (int i = 0; i < n; i++) {
      ranks[i] = inputs[i].rank();
    }
    EinsumEquation e = EinsumEquation.parse(equation, ranks);
    int space = e.labelSpace();
    int[] size = new int[space];
    Arrays.fill(size, -1);
    for (int i = 0; i < n; i++) {
      int[] d = inputs[i].shape().dims();
      for (int a = 0; a < d.length; a++) {
        int l = e.inputs()[i][a];
        boolean broadcast = l >= EinsumEquation.ELLIPSIS;
        if (size[l] < 0 || (broadcast && size[l] == 1)) {
          size[l] = d[a];
        } else if (size[l] != d[a] && !(broadcast && d[a] == 1)) {
          throw new IllegalArgumentException("Einsum '" + equation + "': dim " + a + " of input " + i + " "
              + inputs[i].describe() + " is " + d[a] + ", elsewhere its label has size " + size[l]);
        }
      }
    }
    boolean[] inOutput = new boolean[space];
    for (int l : e.output()) {
      inOutput[l] = true;
    }
    int[] outLabels = e.output();
    int[] sumLabels = java.util.stream.IntStream.range(0, space)
        .filter(l -> size[l] >= 0 && !inOutput[l]).toArray();
    // strides[i][l]: how far input i moves when label l grows by one
    int[][] strides = new int[n][space];
    for (int i = 0; i < n; i++) {
      int[] st = inputs[i].shape().strides();
      int[] d = inputs[i].shape().dims();
      for (int a = 0; a < st.length; a++) {
        int l = e.inputs()[i][a];
        if (!(d[a] == 1 && size[l] != 1)) {
          strides[i][l] += st[a];
        }
      }
    }
    int[] outDims = new int[outLabels.length];
    for (int k = 0; k < outLabels.length; k++) {
      outDims[k] = size[outLabels[k]];
    }
    DType t = inputs[0].dtype();
    for (Tensor x : inputs) {
      if (x.dtype() != t) {
        throw new IllegalArgumentException("Einsum: inputs must share one element type, got "
            + inputs[0].describe() + " and " + x.describe());
      }
    }
    if (n == 2) {
      Tensor fast = EinsumGemm.tryRun(e, size, inputs[0], inputs[1], ctx);
      if (fast != null) {
        return new Tensor[] {fast};
      }
    }
    Shape os = Shape.of(outDims);
    Tensor out = ctx.allocate(t, os);
    Plan p = new Plan(n, outLabels, sumLabels, size, strides);
    boolean integer = t.isInteger();
    if (integer) {
      long[][] xs = new long[n][];
      for (int i = 0; i < n; i++) {
        xs[i] = inputs[i].toLongArray();
      }
      long[] y = new long[os.size()];
      ctx.parallelFor(y.length, Math.max(1, GRAIN / Math.max(1, p.sumCount)), (from, to) -> p.runLong(xs, y, from, to));
      narrow(y, out);
    } else {
      double[][] xs = new double[n][];
      for (int i = 0; i < n; i++) {
        xs[i] = doubles(inputs[i]);
      }
      double[] y = new double[os.size()];
      ctx.parallelFor(y.length, Math.max(1, GRAIN / Math.max(1, p.sumCount)), (from, to) -> p.runDouble(xs, y, from, to));
      narrow(y, out);
    }
    return new Tensor[] {out};
  }

  /** The loop structure: output labels, summed labels, and per-input strides of both. */
  private static final class Plan {
    final int n;
    final int[] outSize;
    final int[][] outStride;
    final int[] sumSize;
    final int[][] sumStride;
    final int sumCount;

    Plan(int n, int[] outLabels, int[] sumLabels, int[] size, int[][] strides) {
      this.n = n;
      outSize = new int[outLabels.length];
      outStride = new int[outLabels.length][n];
      for (int k = 0; k < outLabels.length; k++) {
        outSize[k] = size[outLabels[k]];
        for (int i = 0; i < n; i++) {
          outStride[k][i] = strides[i][outLabels[k]];
        }
      }
      sumSize = new int[sumLabels.length];
      sumStride = new int[sumLabels.length][n];
      int c = 1;
      for (int k = 0; k < sumLabels.length; k++) {
        sumSize[k] = size[sumLabels[k]];
        c *= sumSize[k];
        for (int i = 0; i < n; i++) {
          sumStride[k][i] = strides[i][sumLabels[k]];
        }
      }
      sumCount = c;
    }

    /** The offset of each input at output element o with every summed label at 0. */
    void base(int o, int[] off) {
      Arrays.fill(off, 0);
      for (int k = outSize.length - 1; k >= 0; k--) {
        int c = o % outSize[k];
        o /= outSize[k];
        for (int i = 0; i < n; i++) {
          off[i] += c * outStride[k][i];
        }
      }
    }

    /**
     * Advances the summed-label odometer (all but the innermost label) and the offsets; false
     * once every combination has been visited.
     */
    boolean next(int[] idx, int[] off) {
      for (int k = sumSize.length - 2; k >= 0; k--) {
        idx[k]++;
        for (int i = 0; i < n; i++) {
          off[i] += sumStride[k][i];
        }
        if (idx[k] < sumSize[k]) {
          return true;
        }
        for (int i = 0; i < n; i++) {
          off[i] -= sumStride[k][i] * sumSize[k];
        }
        idx[k] = 0;
      }
      return false;
    }

    void runDouble(double[][] x, double[] y, int from, int to) {
      int[] off = new int[n];
      int[] idx = new int[Math.max(1, sumSize.length)];
      int last = sumSize.length - 1;
      int len = last < 0 ? 1 : sumSize[last];
      int[] st = last < 0 ? new int[n] : sumStride[last];
      if (sumCount == 0) {
        return;
      }
      for (int o = from; o < to; o++) {
        base(o, off);
        Arrays.fill(idx, 0);
        double sum = 0;
        do {
          if (n == 2) {
            double[] a = x[0];
            double[] b = x[1];
            int sa = st[0];
            int sb = st[1];
            for (int j = 0, pa = off[0], pb = off[1]; j < len; j++, pa += sa, pb += sb) {
              sum += a[pa] * b[pb];
            }
          } else {
            for (int j = 0; j < len; j++) {
              double prod = 1;
              for (int i = 0; i < n; i++) {
                prod *= x[i][off[i] + j * st[i]];
              }
              sum += prod;
            }
          }
        } while (next(idx, off));
        y[o] = sum;
      }
    }

    void runLong(long[][] x, long[] y, int from, int to) {
      int[] off = new int[n];
      int[] idx = new int[Math.max(1, sumSize.length)];
      int last = sumSize.length - 1;
      int len = last < 0 ? 1 : sumSize[last];
      int[] st = last < 0 ? new int[n] : sumStride[last];
      if (sumCount == 0) {
        return;
      }
      for (int o = from; o < to; o++) {
        base(o, off);
        Arrays.fill(idx, 0);
        long sum = 0;
        do {
          for (int j = 0; j < len; j++) {
            long prod = 1;
            for (int i = 0; i < n; i++) {
              prod *= x[i][off[i] + j * st[i]];
            }
            sum += prod;
          }
        } while (next(idx, off));
        y[o] = sum;
      }
    }
  }

  private static double[] doubles(Tensor t) {
    return switch (t.dtype()) {
      case DOUBLE -> t.doubles();
      case FLOAT -> {
        float[] f = t.floats();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          d[i] = f[i];
        }
        yield d;
      }
      case FLOAT16, BFLOAT16 -> {
        short[] s = t.shorts();
        double[] d = new double[s.length];
        boolean half = t.dtype() == DType.FLOAT16;
        for (int i = 0; i < s.length; i++) {
          d[i] = half ? Float16.halfToFloat(s[i]) : Float16.bfloat16ToFloat(s[i]);
        }
        yield d;
      }
      default -> throw new IllegalArgumentException("Einsum: unsupported element type " + t.describe());
    };
  }

  private static void narrow(double[] y, Tensor out) {
    switch (out.dtype()) {
      case DOUBLE -> System.arraycopy(y, 0, out.doubles(), 0, y.length);
      case FLOAT -> {
        float[] f = out.floats();
        for (int i = 0; i < y.length; i++) {
          f[i] = (float) y[i];
        }
      }
      case FLOAT16 -> {
        short[] s = out.shorts();
        for (int i = 0; i < y.length; i++) {
          s[i] = Float16.floatToHalf((float) y[i]);
        }
      }
      default -> {
        short[] s = out.shorts();
        for (int i = 0; i < y.length; i++) {
          s[i] = Float16.floatToBfloat16((float) y[i]);
        }
      }
    }
  }

  private static void narrow(long[] y, Tensor out) {
    switch (out.dtype().storage()) {
      case LONG -> System.arraycopy(y, 0, out.longs(), 0, y.length);
      case BYTE -> {
        byte[] v = out.bytes();
        for (int i = 0; i < y.length; i++) {
          v[i] = (byte) y[i];
        }
      }
      case SHORT -> {
        short[] v = out.shorts();
        for (int i = 0; i < y.length; i++) {
          v[i] = (short) y[i];
        }
      }
      default -> {
        int[] v = out.ints();
        for (int i = 0; i < y.length; i++) {
          v[i] = (int) y[i];
        }
      }
    }
  }
}
