package dev.vireo.kernel.attention;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * The additive bias of one Attention call, row by row: the attn_mask (bool as 0/-inf, numbers
 * added as they are, a last dim shorter than the total sequence padded with -inf), the causal
 * frontier, the sliding window and the nonpad_kv_seqlen padding, summed.
 *
 * <p>Causal and window positions are aligned bottom-right: query {@code i} sits at absolute
 * position {@code i + offset}, where offset is the past sequence length, {@code
 * nonpad_kv_seqlen[b] - q_len} for an external cache, or 0. Immutable after construction, so
 * one instance serves concurrent rows.
 */
final class AttentionBias {
  private final float[] mask;
  private final int maskLen;
  private final int[] maskStrides; // (b, h, i) strides into mask, 0 where broadcast
  private final boolean causal;
  private final long left;
  private final long right;
  private final long[] offsets; // per batch
  private final long[] nonpad; // per batch, or null
  private final int total;

  /**
   * @param mask the attn_mask input, or null
   * @param nonpadSeqlen the nonpad_kv_seqlen input, or null
   * @param pastLen the past sequence length (0 without a cache)
   * @param left the left window bound, -1 for none
   * @param right the right window bound, -1 for none
   */
  AttentionBias(Tensor mask, int batch, int heads, int qLen, int total, boolean causal,
      long left, long right, int pastLen, Tensor nonpadSeqlen) {
    this.total = total;
    this.causal = causal;
    this.left = left;
    this.right = right;
    this.offsets = new long[batch];
    if (nonpadSeqlen != null) {
      if (nonpadSeqlen.size() != batch) {
        throw new IllegalArgumentException("Attention: nonpad_kv_seqlen " + nonpadSeqlen.describe()
            + " must hold one length per batch entry (" + batch + ")");
      }
      nonpad = nonpadSeqlen.toLongArray();
      for (int b = 0; b < batch; b++) {
        offsets[b] = nonpad[b] - qLen;
      }
    } else {
      nonpad = null;
      Arrays.fill(offsets, pastLen);
    }
    if (mask == null) {
      this.mask = null;
      this.maskLen = 0;
      this.maskStrides = null;
      return;
    }
    int r = mask.rank();
    if (r < 1 || r > 4) {
      throw new IllegalArgumentException("Attention: attn_mask " + mask.describe() + " must have rank 1 to 4");
    }
    int[] md = new int[4];
    Arrays.fill(md, 1);
    for (int k = 0; k < r; k++) {
      md[4 - r + k] = mask.shape().dim(k);
    }
    int[] want = {batch, heads, qLen, total};
    maskLen = md[3];
    if (maskLen > total) {
      throw new IllegalArgumentException("Attention: attn_mask " + mask.describe()
          + " is longer than the total sequence length " + total);
    }
    for (int k = 0; k < 3; k++) {
      if (md[k] != 1 && md[k] != want[k]) {
        throw new IllegalArgumentException("Attention: attn_mask " + mask.describe()
            + " does not broadcast to " + Arrays.toString(want));
      }
    }
    maskStrides = new int[3];
    int acc = maskLen;
    for (int k = 2; k >= 0; k--) {
      maskStrides[k] = md[k] == 1 ? 0 : acc;
      acc *= md[k];
    }
    this.mask = additive(mask);
  }

  private static float[] additive(Tensor m) {
    if (m.dtype() == DType.BOOL) {
      boolean[] bits = m.booleans();
      float[] f = new float[bits.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = bits[i] ? 0f : Float.NEGATIVE_INFINITY;
      }
      return f;
    }
    return m.dtype() == DType.FLOAT ? m.floats() : m.toFloatArray();
  }

  /**
   * Writes the bias of query row {@code i} of batch {@code b}, head {@code h} into {@code out[0,
   * total)}.
   *
   * @return true when every position is -inf (the row attends nothing)
   */
  boolean row(int b, int h, int i, float[] out) {
    if (mask != null) {
      int base = b * maskStrides[0] + h * maskStrides[1] + i * maskStrides[2];
      System.arraycopy(mask, base, out, 0, maskLen);
      Arrays.fill(out, maskLen, total, Float.NEGATIVE_INFINITY);
    } else {
      Arrays.fill(out, 0, total, 0f);
    }
    long pos = i + offsets[b];
    int from = 0;
    int to = total;
    if (causal) {
      to = (int) Math.max(0, Math.min(to, pos + 1));
    }
    if (right >= 0) {
      to = (int) Math.max(0, Math.min(to, pos + right + 1));
    }
    if (left >= 0) {
      from = (int) Math.min(total, Math.max(from, pos - left));
    }
    if (nonpad != null) {
      to = (int) Math.max(0, Math.min(to, nonpad[b]));
    }
    to = Math.max(to, from);
    Arrays.fill(out, 0, from, Float.NEGATIVE_INFINITY);
    Arrays.fill(out, to, total, Float.NEGATIVE_INFINITY);
    for (int j = from; j < to; j++) {
      if (out[j] != Float.NEGATIVE_INFINITY) {
        return false;
      }
    }
    return true;
  }
}
