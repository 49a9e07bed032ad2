package dev.vireo.kernel.transformer;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * The additive mask of com.microsoft Attention, resolved once per run from mask_index: per batch
 * either one key row shared by all queries (1-D and 2-D masks) or one row per query (3-D), plus
 * the causal mask when unidirectional.
 */
final class AttentionMask {
  private final float[] add;
  private final boolean perQuery;
  private final boolean causal;
  private final int seq;
  private final float filter;

  private AttentionMask(float[] add, boolean perQuery, boolean causal, int seq, float filter) {
    this.add = add;
    this.perQuery = perQuery;
    this.causal = causal;
    this.seq = seq;
    this.filter = filter;
  }

  /**
   * @param mask null, or int32 {@code [batch]}, {@code [2·batch]}, {@code [batch, seq]} or {@code
   *     [batch, seq, seq]}
   */
  static AttentionMask of(Tensor mask, int batch, int seq, float filter, boolean causal) {
    if (mask == null) {
      return new AttentionMask(null, false, causal, seq, filter);
    }
    if (mask.dtype() != DType.INT32) {
      throw new IllegalArgumentException("Attention (com.microsoft): mask_index must be int32, got "
          + mask.describe());
    }
    int[] m = mask.ints();
    int[] d = mask.shape().dims();
    if (d.length == 1 && (d[0] == batch || d[0] == 2 * batch)) {
      float[] add = new float[batch * seq];
      for (int b = 0; b < batch; b++) {
        int end = m[b];
        int start = d[0] == 2 * batch ? m[batch + b] : 0;
        for (int t = 0; t < seq; t++) {
          add[b * seq + t] = t >= end || t < start ? filter : 0f;
        }
      }
      return new AttentionMask(add, false, causal, seq, filter);
    }
    boolean raw2d = d.length == 2 && d[0] == batch && d[1] == seq;
    boolean raw3d = d.length == 3 && d[0] == batch && d[1] == seq && d[2] == seq;
    if (!raw2d && !raw3d) {
      throw new IllegalArgumentException("Attention (com.microsoft): mask_index " + mask.describe()
          + " must be [" + batch + "], [" + 2 * batch + "], [" + batch + ", " + seq + "] or ["
          + batch + ", " + seq + ", " + seq + "]");
    }
    float[] add = new float[m.length];
    for (int i = 0; i < m.length; i++) {
      add[i] = m[i] > 0 ? 0f : filter;
    }
    return new AttentionMask(add, raw3d, causal, seq, filter);
  }

  /**
   * Adds the mask of query {@code s} in batch {@code b} to {@code scores[off, off + seq)}. A key
   * masked both by mask_index and causally gets the filter value once, as in onnxruntime.
   */
  void addRow(int b, int s, float[] scores, int off) {
    if (add == null && !causal) {
      return;
    }
    int src = add == null ? -1 : perQuery ? (b * seq + s) * seq : b * seq;
    for (int t = 0; t < seq; t++) {
      float a = causal && t > s ? filter : src < 0 ? 0f : add[src + t];
      scores[off + t] += a;
    }
  }
}
