package dev.vireo.kernel.attention;

/**
 * A plain, unoptimized Attention in double over 4-D (batch, heads, seq, size) arrays, written
 * straight from the ONNX spec as the oracle for {@link AttentionKernel}.
 */
final class AttentionReference {
  /** Outputs: Y (batch, qHeads, qLen, vSize), present K and V, and the chosen qk output. */
  record Result(double[][][][] y, double[][][][] presentK, double[][][][] presentV, double[][][][] qk) {}

  /** Inputs and attributes; nulls for what is absent. */
  static final class Call {
    double[][][][] q;
    double[][][][] k;
    double[][][][] v;
    double[][][][] pastK;
    double[][][][] pastV;
    double[] mask; // row-major over maskDims; bool masks given as 0 / -inf
    int[] maskDims;
    long[] nonpad;
    boolean causal;
    Double scale;
    double softcap;
    int mode;
    long left = -1;
    long right = -1;
  }

  private AttentionReference() {}

  static Result run(Call c) {
    int batch = c.q.length;
    int qHeads = c.q[0].length;
    int qLen = c.q[0][0].length;
    int size = c.q[0][0][0].length;
    double[][][][] kk = concat(c.pastK, c.k);
    double[][][][] vv = concat(c.pastV, c.v);
    int kvHeads = kk[0].length;
    int total = kk[0][0].length;
    int vSize = vv[0][0][0].length;
    int past = c.pastK == null ? 0 : c.pastK[0][0].length;
    double scale = c.scale != null ? c.scale : 1.0 / Math.sqrt(size);
    double[][][][] y = new double[batch][qHeads][qLen][vSize];
    double[][][][] qk = new double[batch][qHeads][qLen][total];
    for (int b = 0; b < batch; b++) {
      for (int h = 0; h < qHeads; h++) {
        int kvh = h / (qHeads / kvHeads);
        for (int i = 0; i < qLen; i++) {
          long offset = c.nonpad != null ? c.nonpad[b] - qLen : past;
          double[] s = new double[total];
          double[] bias = new double[total];
          boolean allMasked = true;
          for (int j = 0; j < total; j++) {
            for (int d = 0; d < size; d++) {
              s[j] += c.q[b][h][i][d] * kk[b][kvh][j][d];
            }
            s[j] *= scale;
            if (c.mode == 0) {
              qk[b][h][i][j] = s[j];
            }
            if (c.softcap > 0) {
              s[j] = c.softcap * Math.tanh(s[j] / c.softcap);
            }
            if (c.mode == 1) {
              qk[b][h][i][j] = s[j];
            }
            bias[j] = maskAt(c, b, h, i, j);
            if (c.causal && j > i + offset) {
              bias[j] = Double.NEGATIVE_INFINITY;
            }
            if (c.left >= 0 && j < i + offset - c.left) {
              bias[j] = Double.NEGATIVE_INFINITY;
            }
            if (c.right >= 0 && j > i + offset + c.right) {
              bias[j] = Double.NEGATIVE_INFINITY;
            }
            if (c.nonpad != null && j >= c.nonpad[b]) {
              bias[j] = Double.NEGATIVE_INFINITY;
            }
            allMasked &= bias[j] == Double.NEGATIVE_INFINITY;
            s[j] += bias[j];
            if (c.mode == 2) {
              qk[b][h][i][j] = s[j];
            }
          }
          double max = Double.NEGATIVE_INFINITY;
          for (double x : s) {
            max = Math.max(max, x);
          }
          double sum = 0;
          double[] p = new double[total];
          for (int j = 0; j < total; j++) {
            p[j] = allMasked ? 0 : Math.exp(s[j] - max);
            sum += p[j];
          }
          for (int j = 0; j < total; j++) {
            p[j] = allMasked ? 0 : p[j] / sum;
            if (c.mode == 3) {
              qk[b][h][i][j] = p[j];
            }
            for (int d = 0; d < vSize; d++) {
              y[b][h][i][d] += p[j] * vv[b][kvh][j][d];
            }
          }
        }
      }
    }
    return new Result(y, kk, vv, qk);
  }

  /** The mask value at (b, h, i, j), broadcast right-aligned; -inf beyond a short last dim. */
  private static double maskAt(Call c, int b, int h, int i, int j) {
    if (c.mask == null) {
      return 0;
    }
    int[] coord = {b, h, i, j};
    int r = c.maskDims.length;
    if (j >= c.maskDims[r - 1]) {
      return Double.NEGATIVE_INFINITY;
    }
    int idx = 0;
    for (int a = 0; a < r; a++) {
      int dim = c.maskDims[a];
      idx = idx * dim + (dim == 1 ? 0 : coord[4 - r + a]);
    }
    return c.mask[idx];
  }

  private static double[][][][] concat(double[][][][] past, double[][][][] cur) {
    if (past == null) {
      return cur;
    }
    int p = past[0][0].length;
    int n = cur[0][0].length;
    double[][][][] out = new double[cur.length][cur[0].length][p + n][];
    for (int b = 0; b < cur.length; b++) {
      for (int h = 0; h < cur[0].length; h++) {
        for (int s = 0; s < p + n; s++) {
          out[b][h][s] = (s < p ? past[b][h][s] : cur[b][h][s - p]).clone();
        }
      }
    }
    return out;
  }
}
