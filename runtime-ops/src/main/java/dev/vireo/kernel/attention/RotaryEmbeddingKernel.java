package dev.vireo.kernel.attention;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * RotaryEmbedding (opset 23): rotates the first {@code rotary_embedding_dim} channels (default:
 * the whole head) of every head by the angles whose cosines and sines the caches hold; the other
 * channels pass through.
 *
 * <p>The input is 4-D {@code (batch, heads, seq, head_size)} or 3-D {@code (batch, seq, hidden)}
 * with the num_heads attribute. With position_ids {@code (batch, seq)} the caches are {@code
 * (max_position, rotary_dim / 2)} tables indexed by position; without, they are {@code (batch,
 * seq, rotary_dim / 2)}. A batch dim of 1 in position_ids or the caches is shared by every batch
 * entry. Pairs are {@code (x[c], x[c + rotary_dim/2])}, or adjacent {@code (x[2c], x[2c+1])}
 * when interleaved. f32 (f16/bf16 via f32).
 */
public final class RotaryEmbeddingKernel implements Kernel {
  private final boolean interleaved;
  private final int rotaryDimAttr;
  private final int numHeadsAttr;

  public RotaryEmbeddingKernel(Node n) {
    interleaved = n.attrInt("interleaved", 0) != 0;
    rotaryDimAttr = (int) n.attrInt("rotary_embedding_dim", 0);
    numHeadsAttr = (int) n.attrInt("num_heads", 0);
    if (rotaryDimAttr < 0 || numHeadsAttr < 0) {
      throw new IllegalArgumentException("RotaryEmbedding: rotary_embedding_dim and num_heads must be >= 0, got "
          + rotaryDimAttr + " and " + numHeadsAttr);
    }
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x0 = in[0];
    Tensor cos0 = in[1];
    Tensor sin0 = in[2];
    Tensor pos = in.length > 3 ? in[3] : null;
    int batch;
    int heads;
    int seq;
    int head;
    boolean is3d = x0.rank() == 3;
    if (is3d) {
      if (numHeadsAttr <= 0 || x0.shape().dim(2) % numHeadsAttr != 0) {
        throw new IllegalArgumentException("RotaryEmbedding: a 3-D input " + x0.describe()
            + " needs num_heads dividing its hidden size, got num_heads=" + numHeadsAttr);
      }
      batch = x0.shape().dim(0);
      seq = x0.shape().dim(1);
      heads = numHeadsAttr;
      head = x0.shape().dim(2) / heads;
    } else if (x0.rank() == 4) {
      batch = x0.shape().dim(0);
      heads = x0.shape().dim(1);
      seq = x0.shape().dim(2);
      head = x0.shape().dim(3);
    } else {
      throw new IllegalArgumentException("RotaryEmbedding: input must be 3-D or 4-D, got " + x0.describe());
    }
    int rot = rotaryDimAttr == 0 ? head : rotaryDimAttr;
    if (rot > head || rot % 2 != 0) {
      throw new IllegalArgumentException("RotaryEmbedding: rotary_embedding_dim " + rot
          + " must be even and at most the head size " + head);
    }
    int half = rot / 2;
    long[] positions = pos == null ? null : pos.toLongArray();
    if (!cos0.shape().equals(sin0.shape())) {
      throw new IllegalArgumentException("RotaryEmbedding: cos_cache " + cos0.describe()
          + " and sin_cache " + sin0.describe() + " must have the same shape");
    }
    checkCache(cos0, "cos_cache", positions, pos, batch, seq, half);
    checkCache(sin0, "sin_cache", positions, pos, batch, seq, half);
    float[] x = HalfFloats.widen(x0).floats();
    float[] cos = HalfFloats.widen(cos0).floats();
    float[] sin = HalfFloats.widen(sin0).floats();
    int maxPos = positions == null ? 0 : cos0.shape().dim(0);
    // a leading dim of 1 (position_ids or caches) is shared by every batch entry
    boolean posBatched = pos != null && pos.shape().dim(0) == batch;
    boolean cacheBatched = pos == null && cos0.shape().dim(0) == batch;
    Tensor yT = ctx.allocate(DType.FLOAT, x0.shape());
    float[] y = yT.floats();
    // element (b, h, s, c) lives at ((b*heads + h)*seq + s)*head + c in 4-D,
    // and at ((b*seq + s)*heads + h)*head + c in 3-D
    int hStride = is3d ? head : seq * head;
    int sStride = is3d ? heads * head : head;
    ctx.parallelFor(batch * seq, Math.max(1, 4096 / Math.max(1, heads * head)), (from, to) -> {
      for (int bs = from; bs < to; bs++) {
        int b = bs / seq;
        int s = bs % seq;
        int row;
        if (positions != null) {
          long p = positions[posBatched ? bs : s];
          if (p < 0 || p >= maxPos) {
            throw new IllegalArgumentException("RotaryEmbedding: position_ids value " + p
                + " is outside the caches' " + maxPos + " positions");
          }
          row = (int) p * half;
        } else {
          row = (cacheBatched ? bs : s) * half;
        }
        for (int h = 0; h < heads; h++) {
          int base = b * heads * seq * head + h * hStride + s * sStride;
          for (int c = 0; c < half; c++) {
            int i1 = interleaved ? base + 2 * c : base + c;
            int i2 = interleaved ? i1 + 1 : i1 + half;
            float x1 = x[i1];
            float x2 = x[i2];
            float co = cos[row + c];
            float si = sin[row + c];
            y[i1] = co * x1 - si * x2;
            y[i2] = si * x1 + co * x2;
          }
          System.arraycopy(x, base + rot, y, base + rot, head - rot);
        }
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, yT, x0.dtype())};
  }

  private static void checkCache(Tensor c, String what, long[] positions, Tensor pos, int batch,
      int seq, int half) {
    boolean ok;
    if (positions != null) {
      ok = pos.rank() == 2 && (pos.shape().dim(0) == batch || pos.shape().dim(0) == 1)
          && pos.shape().dim(1) == seq
          && c.rank() == 2 && c.shape().dim(1) == half;
    } else {
      ok = c.rank() == 3 && (c.shape().dim(0) == batch || c.shape().dim(0) == 1) && c.shape().dim(1) == seq
          && c.shape().dim(2) == half;
    }
    if (!ok) {
      throw new IllegalArgumentException("RotaryEmbedding: " + what + " " + c.describe()
          + (positions != null
              ? " must be (max_position, " + half + ") with position_ids (" + batch + ", " + seq
                  + "), got position_ids " + pos.describe()
              : " must be (" + batch + ", " + seq + ", " + half + ") without position_ids"));
    }
  }
}
