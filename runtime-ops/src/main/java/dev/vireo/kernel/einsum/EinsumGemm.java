package dev.vireo.kernel.einsum;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.Sgemm;
import dev.vireo.linalg.StridedCopy;
import dev.vireo.op.einsum.EinsumEquation;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * The fast path for two f32 inputs whose equation is a batched matrix product: every label is a
 * batch label (both inputs and the output), a row label (A and the output), a column label (B
 * and the output) or a contracted label (both inputs, not the output), with no diagonal and no
 * broadcast. A is gathered to [batch, rows, k], B to [batch, k, cols], multiplied with {@link
 * Sgemm} batch by batch, and the [batch, rows, cols] product is permuted to the output's order.
 */
final class EinsumGemm {
  private EinsumGemm() {}

  /** The product, or null when the equation is not of that form. */
  static Tensor tryRun(EinsumEquation e, int[] size, Tensor a, Tensor b, ExecContext ctx) {
    if (a.dtype() != DType.FLOAT || b.dtype() != DType.FLOAT) {
      return null;
    }
    int[] la = e.inputs()[0];
    int[] lb = e.inputs()[1];
    int[] out = e.output();
    int space = e.labelSpace();
    int[] posA = positions(la, a, size, space);
    int[] posB = positions(lb, b, size, space);
    if (posA == null || posB == null) {
      return null;
    }
    boolean[] inOut = new boolean[space];
    for (int l : out) {
      inOut[l] = true;
    }
    int[] batch = new int[out.length];
    int[] rows = new int[out.length];
    int[] cols = new int[out.length];
    int nb = 0;
    int nr = 0;
    int nc = 0;
    for (int l : out) {
      if (posA[l] >= 0 && posB[l] >= 0) {
        batch[nb++] = l;
      } else if (posA[l] >= 0) {
        rows[nr++] = l;
      } else {
        cols[nc++] = l;
      }
    }
    int[] k = new int[la.length];
    int nk = 0;
    for (int l : la) {
      if (!inOut[l]) {
        if (posB[l] < 0) {
          return null;
        }
        k[nk++] = l;
      }
    }
    for (int l : lb) {
      if (!inOut[l] && posA[l] < 0) {
        return null;
      }
    }
    int bs = product(batch, nb, size);
    int m = product(rows, nr, size);
    int n = product(cols, nc, size);
    int kk = product(k, nk, size);
    float[] ga = gather(a, posA, concat(batch, nb, rows, nr, k, nk));
    float[] gb = gather(b, posB, concat(batch, nb, k, nk, cols, nc));
    float[] c = new float[bs * m * n];
    ctx.parallelFor(m * n == 0 ? 0 : bs, 1, (from, to) -> {
      for (int i = from; i < to; i++) {
        Sgemm.sgemm(false, false, m, n, kk, 1f, ga, i * m * kk, kk, gb, i * kk * n, n, 0f, c, i * m * n, n);
      }
    });
    // the product's axes are batch, rows, cols; the output wants e.output()'s order
    int[] prodLabels = concat(batch, nb, rows, nr, cols, nc);
    int[] prodDims = new int[prodLabels.length];
    int[] posC = new int[space];
    for (int i = 0; i < prodLabels.length; i++) {
      prodDims[i] = size[prodLabels[i]];
      posC[prodLabels[i]] = i;
    }
    int[] outDims = new int[out.length];
    int[] perm = new int[out.length];
    for (int i = 0; i < out.length; i++) {
      outDims[i] = size[out[i]];
      perm[i] = posC[out[i]];
    }
    float[] y = permute(c, prodDims, perm);
    return Tensor.wrap(DType.FLOAT, Shape.of(outDims), y);
  }

  /** Axis of each label in the input, or null when a label repeats or is broadcast. */
  private static int[] positions(int[] labels, Tensor t, int[] size, int space) {
    int[] pos = new int[space];
    java.util.Arrays.fill(pos, -1);
    for (int i = 0; i < labels.length; i++) {
      if (pos[labels[i]] >= 0 || t.shape().dim(i) != size[labels[i]]) {
        return null;
      }
      pos[labels[i]] = i;
    }
    return pos;
  }

  private static int product(int[] labels, int n, int[] size) {
    int p = 1;
    for (int i = 0; i < n; i++) {
      p *= size[labels[i]];
    }
    return p;
  }

  private static int[] concat(int[] a, int na, int[] b, int nb, int[] c, int nc) {
    int[] r = new int[na + nb + nc];
    System.arraycopy(a, 0, r, 0, na);
    System.arraycopy(b, 0, r, na, nb);
    System.arraycopy(c, 0, r, na + nb, nc);
    return r;
  }

  /** The input's data with its axes in the order of {@code labels}. */
  private static float[] gather(Tensor t, int[] pos, int[] labels) {
    int[] perm = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      perm[i] = pos[labels[i]];
    }
    return permute(t.floats(), t.shape().dims(), perm);
  }

  /** Row-major data of dims with output axis i taken from input axis perm[i]; no copy for the identity. */
  static float[] permute(float[] src, int[] dims, int[] perm) {
    int r = dims.length;
    boolean identity = true;
    for (int i = 0; i < r; i++) {
      identity &= perm[i] == i;
    }
    if (identity || src.length == 0) {
      return src;
    }
    int[] st = Shape.of(dims).strides();
    int[] od = new int[r];
    int[] ost = new int[r];
    for (int i = 0; i < r; i++) {
      od[i] = dims[perm[i]];
      ost[i] = st[perm[i]];
    }
    float[] dst = new float[src.length];
    int inner = od[r - 1];
    int rowsN = src.length / inner;
    for (int row = 0; row < rowsN; row++) {
      int off = 0;
      int q = row;
      for (int d = r - 2; d >= 0; d--) {
        off += (q % od[d]) * ost[d];
        q /= od[d];
      }
      StridedCopy.copy(src, off, ost[r - 1], dst, row * inner, inner);
    }
    return dst;
  }
}
