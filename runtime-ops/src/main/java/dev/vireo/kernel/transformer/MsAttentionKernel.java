package dev.vireo.kernel.transformer;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.nn.Scratch;
import dev.vireo.linalg.PackedMatrix;
import dev.vireo.linalg.ParallelRange;
import dev.vireo.linalg.Sgemm;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft Attention (self-attention, no past state), as onnxruntime's CPU kernel computes
 * it: {@code QKV = input·weights + bias}, split into Q, K, V of num_heads heads each; per batch
 * and head {@code softmax(scale·Q·Kᵀ + mask + attention_bias)·V}; heads concatenated into the
 * output {@code [batch, seq, v_hidden]}.
 *
 * <p>scale defaults to {@code 1/√head_size}. mask_index (int32) may be 1-D {@code [batch]} (valid
 * key positions end there) or {@code [2·batch]} (ends, then starts), 2-D {@code [batch, seq]}
 * (raw mask, 0 = masked) or 3-D {@code [batch, seq, seq]}; a masked score gets mask_filter_value
 * (default -10000) added. attention_bias (input 5) is {@code [batch or 1, heads, seq, seq]}.
 * unidirectional=1 also masks keys after the query. past (input 4) and the present output are not
 * supported and rejected when given. f32.
 */
public final class MsAttentionKernel implements Kernel {
  /** One head's seq×seq scores per thread, reused across calls (every element is written first). */
  private static final Scratch SCORES = new Scratch();
  /** Elements of the projection's bias add per parallel chunk. */
  private static final int BIAS_GRAIN = 4096;
  private final int heads;
  private final float scaleAttr;
  private final boolean causal;
  private final float maskFilter;
  private final long[] qkvSizes;
  /** The weights when they are a constant, and their packed form for the projection GEMM. */
  private final Tensor weight;
  private final PackedMatrix packed;

  public MsAttentionKernel(Node n) {
    heads = (int) n.attrInt("num_heads", 0);
    if (heads <= 0) {
      throw new IllegalArgumentException("Attention (com.microsoft): num_heads must be > 0, got " + heads);
    }
    scaleAttr = n.attrFloat("scale", 0f);
    causal = n.attrInt("unidirectional", 0) != 0;
    maskFilter = n.attrFloat("mask_filter_value", -10000f);
    qkvSizes = n.attrInts("qkv_hidden_sizes", null);
    Tensor w = n.input(1) == null ? null : n.input(1).initializer();
    if (w != null && w.dtype() == DType.FLOAT && w.rank() == 2) {
      weight = w;
      packed = Sgemm.packB(w.floats(), w.shape().dim(0), w.shape().dim(1), false);
    } else {
      weight = null;
      packed = null;
    }
    if (n.output(1) != null) {
      throw new IllegalArgumentException("Attention (com.microsoft): the present output is not supported");
    }
    if (n.attrInt("do_rotary", 0) != 0) {
      throw new IllegalArgumentException("Attention (com.microsoft): do_rotary=1 is not supported");
    }
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    Tensor w = in[1];
    Tensor bias = in.length > 2 ? in[2] : null;
    Tensor mask = in.length > 3 ? in[3] : null;
    if (in.length > 4 && in[4] != null) {
      throw new IllegalArgumentException("Attention (com.microsoft): past state (input 4) is not supported");
    }
    Tensor relBias = in.length > 5 ? in[5] : null;
    if (x.rank() != 3 || w.rank() != 2 || w.shape().dim(0) != x.shape().dim(2)) {
      throw new IllegalArgumentException("Attention (com.microsoft): input " + x.describe()
          + " must be [batch, seq, hidden] and weights " + w.describe() + " [hidden, 3·hidden]");
    }
    int batch = x.shape().dim(0);
    int seq = x.shape().dim(1);
    int inHidden = x.shape().dim(2);
    int cols = w.shape().dim(1);
    int qh = qkvSizes == null ? cols / 3 : (int) qkvSizes[0];
    int kh = qkvSizes == null ? cols / 3 : (int) qkvSizes[1];
    int vh = qkvSizes == null ? cols / 3 : (int) qkvSizes[2];
    if (qh + kh + vh != cols || qh != kh || qh % heads != 0 || vh % heads != 0) {
      throw new IllegalArgumentException("Attention (com.microsoft): weights " + w.describe()
          + " do not split into q/k/v hidden sizes " + qh + "/" + kh + "/" + vh + " of " + heads + " heads");
    }
    if (bias != null && (bias.rank() != 1 || bias.shape().dim(0) != cols)) {
      throw new IllegalArgumentException("Attention (com.microsoft): bias " + bias.describe()
          + " must be 1-D of length " + cols);
    }
    int hs = qh / heads;
    int vhs = vh / heads;
    float scale = scaleAttr == 0f ? (float) (1.0 / Math.sqrt(hs)) : scaleAttr;
    int rows = batch * seq;

    // QKV projection: one GEMM over all tokens, bias added per row
    // scratch from the run's arena: reused by later layers instead of allocated per call
    Tensor qkvScratch = ctx.allocateUninitialized(DType.FLOAT, Shape.of(rows, cols));
    float[] qkv = qkvScratch.floats();
    ParallelRange par = (count, grain, body) -> ctx.parallelFor(count, grain, body::run);
    if (w == weight && packed != null) {
      Sgemm.sgemm(false, rows, 1f, x.floats(), 0, inHidden, packed, 0f, qkv, 0, cols, par);
    } else {
      Sgemm.sgemm(false, false, rows, cols, inHidden, 1f, x.floats(), 0, inHidden,
          w.floats(), 0, cols, 0f, qkv, 0, cols, par);
    }
    if (bias != null) {
      float[] bd = bias.floats();
      ctx.parallelFor(rows, Math.max(1, BIAS_GRAIN / cols), (from, to) ->
          VecMath.addBias(qkv, from * cols, to - from, cols, bd, 0));
    }
    AttentionMask m = AttentionMask.of(mask, batch, seq, maskFilter, causal);
    float[] rb = relBias == null ? null : checkRelBias(relBias, batch, seq);
    int rbBatches = relBias == null ? 0 : relBias.shape().dim(0);

    Tensor out = ctx.allocateUninitialized(DType.FLOAT, Shape.of(batch, seq, vh));
    float[] od = out.floats();
    ctx.parallelFor(batch * heads, 1, (from, to) -> {
      float[] scores = SCORES.floats(seq * seq);
      for (int bh = from; bh < to; bh++) {
        int b = bh / heads;
        int h = bh % heads;
        int base = b * seq * cols;
        Sgemm.sgemm(false, true, seq, seq, hs, scale, qkv, base + h * hs, cols,
            qkv, base + qh + h * hs, cols, 0f, scores, 0, seq);
        for (int s = 0; s < seq; s++) {
          int ro = s * seq;
          m.addRow(b, s, scores, ro);
          if (rb != null) {
            int src = (((rbBatches == 1 ? 0 : b) * heads + h) * seq + s) * seq;
            for (int t = 0; t < seq; t++) {
              scores[ro + t] += rb[src + t];
            }
          }
          VecMath.softmaxRow(scores, ro, scores, ro, seq);
        }
        Sgemm.sgemm(false, false, seq, vhs, seq, 1f, scores, 0, seq,
            qkv, base + qh + kh + h * vhs, cols, 0f, od, b * seq * vh + h * vhs, vh);
      }
    });
    ctx.release(qkvScratch);
    return new Tensor[] {out, null};
  }

  private float[] checkRelBias(Tensor t, int batch, int seq) {
    int[] d = t.shape().dims();
    if (d.length != 4 || (d[0] != batch && d[0] != 1) || d[1] != heads || d[2] != seq || d[3] != seq) {
      throw new IllegalArgumentException("Attention (com.microsoft): attention_bias " + t.describe()
          + " must be [" + batch + " or 1, " + heads + ", " + seq + ", " + seq + "]");
    }
    return t.floats();
  }
}
