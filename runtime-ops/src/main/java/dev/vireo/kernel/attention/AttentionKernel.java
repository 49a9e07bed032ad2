package dev.vireo.kernel.attention;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Attention (opset 23+): {@code softmax(softcap(scale * Q Kᵀ) + bias) V} per batch and query
 * head, with grouped-query heads (query head {@code h} reads key/value head {@code h / (q_heads /
 * kv_heads)}), a past key/value cache concatenated before K and V (outputs present_key and
 * present_value), and the optional qk_matmul_output selected by {@code qk_matmul_output_mode}
 * (0 raw scaled scores, 1 after softcap, 2 after the bias, 3 softmax probabilities).
 *
 * <p>Q, K and V are either 4-D {@code (batch, heads, seq, head_size)} or 3-D {@code (batch, seq,
 * heads * head_size)} with the q_num_heads and kv_num_heads attributes; Y follows Q's layout. The
 * bias is described in {@link AttentionBias}; a query row whose bias is -inf everywhere gives a
 * zero output row (and a zero mode-3 row). Scores and softmax are computed in float32 for f32,
 * f16 and bf16 inputs, so softmax_precision never lowers precision.
 */
public final class AttentionKernel implements Kernel {
  private final boolean causal;
  private final int qHeadsAttr;
  private final int kvHeadsAttr;
  private final float scaleAttr;
  private final float softcap;
  private final int qkMode;
  private final long leftWindow;
  private final long rightWindow;
  private final boolean wantQk;
  private final boolean wantPresent;
  private final boolean headsOnly3d;

  public AttentionKernel(Node n) {
    wantQk = n.output(3) != null;
    wantPresent = n.output(1) != null || n.output(2) != null;
    // opset 25 forbids the head-count attributes with 4-D inputs
    headsOnly3d = n.opset() >= 25;
    causal = n.attrInt("is_causal", 0) != 0;
    qHeadsAttr = (int) n.attrInt("q_num_heads", 0);
    kvHeadsAttr = (int) n.attrInt("kv_num_heads", 0);
    scaleAttr = n.attrFloat("scale", Float.NaN);
    softcap = n.attrFloat("softcap", 0f);
    qkMode = (int) n.attrInt("qk_matmul_output_mode", 0);
    leftWindow = n.attrInt("left_window_size", -1);
    rightWindow = n.attrInt("right_window_size", -1);
    if (qkMode < 0 || qkMode > 3) {
      throw new IllegalArgumentException("Attention: qk_matmul_output_mode must be 0..3, got " + qkMode);
    }
    if (leftWindow < -1 || rightWindow < -1) {
      throw new IllegalArgumentException("Attention: window sizes must be -1 or >= 0, got left "
          + leftWindow + ", right " + rightWindow);
    }
    long precision = n.attrInt("softmax_precision", 1);
    if (precision != 1 && precision != 10 && precision != 11 && precision != 16) {
      throw new IllegalArgumentException("Attention: softmax_precision must be 1, 10, 11 or 16, got " + precision);
    }
  }

  /** Sizes of one call, after 3-D inputs are read as (batch, heads, seq, head_size). */
  private record Dims(int batch, int qHeads, int kvHeads, int qLen, int kvLen, int past,
      int headSize, int vHeadSize) {
    int total() {
      return past + kvLen;
    }
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor q = in[0];
    Tensor k = in[1];
    Tensor v = in[2];
    Tensor mask = in.length > 3 ? in[3] : null;
    Tensor pastK = in.length > 4 ? in[4] : null;
    Tensor pastV = in.length > 5 ? in[5] : null;
    Tensor nonpad = in.length > 6 ? in[6] : null;
    if ((pastK == null) != (pastV == null)) {
      throw new IllegalArgumentException("Attention: past_key and past_value must be given together");
    }
    if (nonpad != null && pastK != null) {
      throw new IllegalArgumentException("Attention: nonpad_kv_seqlen cannot be combined with past_key/past_value");
    }
    for (Tensor t : new Tensor[] {q, k, v, pastK, pastV}) {
      if (t != null && t.dtype() != DType.FLOAT && t.dtype() != DType.FLOAT16 && t.dtype() != DType.BFLOAT16
          && t.dtype() != DType.DOUBLE) {
        throw new IllegalArgumentException("Attention: Q, K, V and the past cache must be f32, f16, bf16 or f64, got "
            + t.describe());
      }
    }
    Dims d = dims(q, k, v, pastK, pastV);
    boolean is3d = q.rank() == 3;
    float[] qf = headMajor(q, d.qHeads, d.headSize, is3d);
    float[] kf = withPast(pastK, headMajor(k, d.kvHeads, d.headSize, is3d), d, d.headSize);
    float[] vf = withPast(pastV, headMajor(v, d.kvHeads, d.vHeadSize, is3d), d, d.vHeadSize);
    int total = d.total();
    // the spec scales Q and K by sqrt(scale) each; scaling Q once by scale differs only in rounding
    float sc = Float.isNaN(scaleAttr) ? (float) (1.0 / Math.sqrt(d.headSize)) : scaleAttr;
    AttentionBias bias = new AttentionBias(mask, d.batch, d.qHeads, d.qLen, total, causal,
        leftWindow, rightWindow, d.past, nonpad);

    Shape yShape = is3d
        ? Shape.of(d.batch, d.qLen, d.qHeads * d.vHeadSize)
        : Shape.of(d.batch, d.qHeads, d.qLen, d.vHeadSize);
    Tensor yT = ctx.allocate(DType.FLOAT, yShape);
    Tensor qkT = ctx.allocate(DType.FLOAT, wantQk ? Shape.of(d.batch, d.qHeads, d.qLen, total) : Shape.of(0));
    float[] y = yT.floats();
    float[] qk = qkT.floats();
    int mode = wantQk ? qkMode : -1;
    int group = d.qHeads / d.kvHeads;
    ctx.parallelFor(d.batch * d.qHeads, 1, (from, to) -> {
      float[] scores = new float[total];
      float[] rowBias = new float[total];
      float[] qs = new float[d.headSize];
      for (int bh = from; bh < to; bh++) {
        int b = bh / d.qHeads;
        int h = bh % d.qHeads;
        int kvh = b * d.kvHeads + h / group;
        int qBase = bh * d.qLen * d.headSize;
        int kBase = kvh * total * d.headSize;
        int vBase = kvh * total * d.vHeadSize;
        for (int i = 0; i < d.qLen; i++) {
          for (int c = 0; c < d.headSize; c++) {
            qs[c] = qf[qBase + i * d.headSize + c] * sc;
          }
          int qkRow = (bh * d.qLen + i) * total;
          for (int j = 0; j < total; j++) {
            int kr = kBase + j * d.headSize;
            float s = 0f;
            for (int c = 0; c < d.headSize; c++) {
              s += qs[c] * kf[kr + c];
            }
            scores[j] = s;
          }
          if (mode == 0) {
            System.arraycopy(scores, 0, qk, qkRow, total);
          }
          if (softcap > 0f) {
            for (int j = 0; j < total; j++) {
              scores[j] = softcap * (float) Math.tanh(scores[j] / softcap);
            }
          }
          if (mode == 1) {
            System.arraycopy(scores, 0, qk, qkRow, total);
          }
          boolean masked = bias.row(b, h, i, rowBias);
          for (int j = 0; j < total; j++) {
            scores[j] += rowBias[j];
          }
          if (mode == 2) {
            System.arraycopy(scores, 0, qk, qkRow, total);
          }
          if (masked) {
            java.util.Arrays.fill(scores, 0f);
          } else {
            softmax(scores);
          }
          if (mode == 3) {
            System.arraycopy(scores, 0, qk, qkRow, total);
          }
          int yRow = is3d
              ? ((b * d.qLen + i) * d.qHeads + h) * d.vHeadSize
              : (bh * d.qLen + i) * d.vHeadSize;
          for (int j = 0; j < total; j++) {
            float p = scores[j];
            int vr = vBase + j * d.vHeadSize;
            for (int c = 0; c < d.vHeadSize; c++) {
              y[yRow + c] += p * vf[vr + c];
            }
          }
        }
      }
    });

    DType t = q.dtype();
    Tensor[] out = new Tensor[4];
    out[0] = HalfFloats.narrow(ctx, yT, t);
    if (wantPresent) {
      out[1] = HalfFloats.narrow(ctx,
          Tensor.wrap(DType.FLOAT, Shape.of(d.batch, d.kvHeads, total, d.headSize), kf), k.dtype());
      out[2] = HalfFloats.narrow(ctx,
          Tensor.wrap(DType.FLOAT, Shape.of(d.batch, d.kvHeads, total, d.vHeadSize), vf), v.dtype());
    }
    out[3] = wantQk ? HalfFloats.narrow(ctx, qkT, t) : null;
    return out;
  }

  /** Softmax in place; a row whose maximum is -inf (nothing attended) becomes zeros. */
  static void softmax(float[] s) {
    float max = Float.NEGATIVE_INFINITY;
    for (float x : s) {
      max = Math.max(max, x);
    }
    if (max == Float.NEGATIVE_INFINITY) {
      java.util.Arrays.fill(s, 0f);
      return;
    }
    // the sum runs over the whole key sequence: accumulate in double
    double sum = 0;
    for (int j = 0; j < s.length; j++) {
      s[j] = (float) Math.exp(s[j] - max);
      sum += s[j];
    }
    float inv = (float) (1.0 / sum);
    for (int j = 0; j < s.length; j++) {
      s[j] *= inv;
    }
  }

  private Dims dims(Tensor q, Tensor k, Tensor v, Tensor pastK, Tensor pastV) {
    int r = q.rank();
    if ((r != 3 && r != 4) || k.rank() != r || v.rank() != r) {
      throw new IllegalArgumentException("Attention: Q, K and V must all be 3-D or all 4-D, got Q "
          + q.describe() + ", K " + k.describe() + ", V " + v.describe());
    }
    int batch = q.shape().dim(0);
    int qHeads;
    int kvHeads;
    int qLen;
    int kvLen;
    int headSize;
    int vHeadSize;
    if (r == 3) {
      if (qHeadsAttr <= 0 || kvHeadsAttr <= 0) {
        throw new IllegalArgumentException("Attention: 3-D inputs need q_num_heads and kv_num_heads > 0, got "
            + qHeadsAttr + " and " + kvHeadsAttr);
      }
      qHeads = qHeadsAttr;
      kvHeads = kvHeadsAttr;
      qLen = q.shape().dim(1);
      kvLen = k.shape().dim(1);
      headSize = hidden(q, qHeads, "Q", "q_num_heads");
      int kHead = hidden(k, kvHeads, "K", "kv_num_heads");
      if (kHead != headSize) {
        throw new IllegalArgumentException("Attention: head sizes of Q " + q.describe() + " and K "
            + k.describe() + " differ (" + headSize + " vs " + kHead + ")");
      }
      vHeadSize = hidden(v, kvHeads, "V", "kv_num_heads");
      if (v.shape().dim(1) != kvLen) {
        throw new IllegalArgumentException("Attention: K " + k.describe() + " and V " + v.describe()
            + " have different sequence lengths");
      }
    } else {
      if (headsOnly3d && (qHeadsAttr != 0 || kvHeadsAttr != 0)) {
        throw new IllegalArgumentException(
            "Attention (opset 25+): q_num_heads and kv_num_heads must not be given with 4-D inputs");
      }
      qHeads = q.shape().dim(1);
      kvHeads = k.shape().dim(1);
      qLen = q.shape().dim(2);
      kvLen = k.shape().dim(2);
      headSize = q.shape().dim(3);
      vHeadSize = v.shape().dim(3);
      if (k.shape().dim(3) != headSize || v.shape().dim(1) != kvHeads || v.shape().dim(2) != kvLen) {
        throw new IllegalArgumentException("Attention: Q " + q.describe() + ", K " + k.describe()
            + " and V " + v.describe() + " do not agree on heads, sequence length or head size");
      }
    }
    if (k.shape().dim(0) != batch || v.shape().dim(0) != batch) {
      throw new IllegalArgumentException("Attention: batch sizes of Q " + q.describe() + ", K "
          + k.describe() + " and V " + v.describe() + " differ");
    }
    if (kvHeads == 0 || qHeads % kvHeads != 0) {
      throw new IllegalArgumentException("Attention: q heads (" + qHeads
          + ") must be a multiple of kv heads (" + kvHeads + ")");
    }
    int past = 0;
    if (pastK != null) {
      past = pastK.rank() == 4 ? pastK.shape().dim(2) : -1;
      Shape wantK = Shape.of(batch, kvHeads, past, headSize);
      Shape wantV = Shape.of(batch, kvHeads, past, vHeadSize);
      if (past < 0 || !pastK.shape().equals(wantK) || !pastV.shape().equals(wantV)) {
        throw new IllegalArgumentException("Attention: past_key " + pastK.describe() + " and past_value "
            + pastV.describe() + " must be " + wantK + " and " + wantV);
      }
    }
    return new Dims(batch, qHeads, kvHeads, qLen, kvLen, past, headSize, vHeadSize);
  }

  private static int hidden(Tensor t, int heads, String what, String attr) {
    int hid = t.shape().dim(2);
    if (hid % heads != 0) {
      throw new IllegalArgumentException("Attention: " + what + " " + t.describe() + " hidden size "
          + hid + " is not a multiple of " + attr + "=" + heads);
    }
    return hid / heads;
  }

  /**
   * The elements as float32 in (batch, heads, seq, size) order: a 3-D (batch, seq, heads*size)
   * tensor is transposed; a 4-D f32 tensor is returned as it is (callers must not write to it).
   */
  private static float[] headMajor(Tensor t, int heads, int size, boolean is3d) {
    float[] f = HalfFloats.widen(t).floats();
    if (!is3d) {
      return f;
    }
    int batch = t.shape().dim(0);
    int seq = t.shape().dim(1);
    float[] out = new float[f.length];
    for (int b = 0; b < batch; b++) {
      for (int s = 0; s < seq; s++) {
        for (int h = 0; h < heads; h++) {
          System.arraycopy(f, ((b * seq + s) * heads + h) * size,
              out, ((b * heads + h) * seq + s) * size, size);
        }
      }
    }
    return out;
  }

  /** The present cache: past then current along the sequence axis, or the current alone. */
  private static float[] withPast(Tensor past, float[] cur, Dims d, int size) {
    if (past == null) {
      return cur;
    }
    float[] p = HalfFloats.widen(past).floats();
    int total = d.total();
    float[] out = new float[d.batch * d.kvHeads * total * size];
    for (int bh = 0; bh < d.batch * d.kvHeads; bh++) {
      System.arraycopy(p, bh * d.past * size, out, bh * total * size, d.past * size);
      System.arraycopy(cur, bh * d.kvLen * size, out, (bh * total + d.past) * size, d.kvLen * size);
    }
    return out;
  }
}
