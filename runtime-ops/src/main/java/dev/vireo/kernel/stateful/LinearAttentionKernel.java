package dev.vireo.kernel.stateful;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * LinearAttention (opset 27): runs the recurrence token by token. For each batch entry and KV head
 * the state {@code S} ({@code dk x dv}, starting at past_state or zero) is updated per token t by
 * the update_rule:
 *
 * <ul>
 *   <li>gated, gated_delta: first {@code S *= exp(g_t)}, g_t per head or per key dim (row of S);
 *   <li>delta, gated_delta: {@code u = beta_t * (v_t - S^T k_t)}, else {@code u = v_t};
 *   <li>then {@code S += k_t ⊗ u}.
 * </ul>
 *
 * Each of the {@code q_num_heads / kv_num_heads} query heads sharing that KV head reads {@code o_t
 * = scale * q_t^T S}; scale defaults (0) to {@code 1/sqrt(dk)}. Q, K, V, decay and beta are packed
 * {@code (B, T, H*D)}; beta's last dim is Hkv or 1. The output has the query's type, present_state
 * past_state's (the query's without one). f32 state and accumulation; f16/bf16 via f32.
 */
public final class LinearAttentionKernel implements Kernel {
  private final int qHeads;
  private final int kvHeads;
  private final float scaleAttr;
  private final boolean gated;
  private final boolean delta;

  public LinearAttentionKernel(Node n) {
    qHeads = (int) n.attrInt("q_num_heads", 0);
    kvHeads = (int) n.attrInt("kv_num_heads", 0);
    if (qHeads <= 0 || kvHeads <= 0 || qHeads % kvHeads != 0) {
      throw new IllegalArgumentException("LinearAttention: q_num_heads (" + qHeads
          + ") must be a positive multiple of kv_num_heads (" + kvHeads + ")");
    }
    scaleAttr = n.attrFloat("scale", 0f);
    String rule = n.attrString("update_rule", "gated_delta");
    if (!List.of("linear", "gated", "delta", "gated_delta").contains(rule)) {
      throw new IllegalArgumentException(
          "LinearAttention: update_rule must be linear, gated, delta or gated_delta, got '" + rule + "'");
    }
    gated = rule.startsWith("gated");
    delta = rule.endsWith("delta");
  }

  private static Tensor optional(Tensor[] in, int i) {
    return in.length > i ? in[i] : null;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor q0 = in[0];
    Tensor k0 = in[1];
    Tensor v0 = in[2];
    Tensor past0 = optional(in, 3);
    Tensor decay0 = optional(in, 4);
    Tensor beta0 = optional(in, 5);
    if (q0.rank() != 3 || k0.rank() != 3 || v0.rank() != 3) {
      throw new IllegalArgumentException("LinearAttention: query, key and value must be 3-D (B, T, H*D), got "
          + q0.describe() + ", " + k0.describe() + ", " + v0.describe());
    }
    int batch = q0.shape().dim(0);
    int time = q0.shape().dim(1);
    int dk = q0.shape().dim(2) / qHeads;
    int dv = v0.shape().dim(2) / kvHeads;
    if (q0.shape().dim(2) != qHeads * dk || !k0.shape().equals(Shape.of(batch, time, kvHeads * dk))
        || !v0.shape().equals(Shape.of(batch, time, kvHeads * dv))) {
      throw new IllegalArgumentException("LinearAttention: query " + q0.describe() + ", key " + k0.describe()
          + " and value " + v0.describe() + " do not fit q_num_heads=" + qHeads + ", kv_num_heads=" + kvHeads);
    }
    if (gated != (decay0 != null) || delta != (beta0 != null)) {
      throw new IllegalArgumentException("LinearAttention: update_rule needs decay " + (gated ? "given" : "omitted")
          + " and beta " + (delta ? "given" : "omitted") + ", got decay " + (decay0 == null ? "omitted" : "given")
          + " and beta " + (beta0 == null ? "omitted" : "given"));
    }
    Shape stateShape = Shape.of(batch, kvHeads, dk, dv);
    if (past0 != null && !past0.shape().equals(stateShape)) {
      throw new IllegalArgumentException("LinearAttention: past_state " + past0.describe() + " must be " + stateShape);
    }
    boolean perKeyDecay = false;
    if (decay0 != null) {
      int last = decay0.rank() == 3 ? decay0.shape().dim(2) : -1;
      perKeyDecay = last == kvHeads * dk && last != kvHeads;
      if (last != kvHeads && last != kvHeads * dk || decay0.shape().dim(0) != batch || decay0.shape().dim(1) != time) {
        throw new IllegalArgumentException("LinearAttention: decay " + decay0.describe() + " must be (" + batch
            + ", " + time + ", " + kvHeads + ") or (" + batch + ", " + time + ", " + kvHeads * dk + ")");
      }
    }
    boolean betaPerHead = false;
    if (beta0 != null) {
      int last = beta0.rank() == 3 ? beta0.shape().dim(2) : -1;
      betaPerHead = last == kvHeads;
      if (last != kvHeads && last != 1 || beta0.shape().dim(0) != batch || beta0.shape().dim(1) != time) {
        throw new IllegalArgumentException("LinearAttention: beta " + beta0.describe() + " must be (" + batch
            + ", " + time + ", " + kvHeads + ") or (" + batch + ", " + time + ", 1)");
      }
    }
    float[] q = HalfFloats.widen(q0).floats();
    float[] k = HalfFloats.widen(k0).floats();
    float[] v = HalfFloats.widen(v0).floats();
    float[] decay = decay0 == null ? null : HalfFloats.widen(decay0).floats();
    float[] beta = beta0 == null ? null : HalfFloats.widen(beta0).floats();
    float scale = scaleAttr == 0f ? (float) (1.0 / Math.sqrt(dk)) : scaleAttr;
    Tensor oT = ctx.allocate(DType.FLOAT, Shape.of(batch, time, qHeads * dv));
    Tensor sT = ctx.allocate(DType.FLOAT, stateShape);
    float[] out = oT.floats();
    float[] state = sT.floats();
    if (past0 != null) {
      System.arraycopy(HalfFloats.widen(past0).floats(), 0, state, 0, state.length);
    }
    Recurrence rec = new Recurrence(q, k, v, decay, beta, out, state, time, qHeads, kvHeads, dk, dv, scale,
        perKeyDecay, betaPerHead);
    ctx.parallelFor(batch * kvHeads, 1, rec::run);
    DType stateType = past0 != null ? past0.dtype() : q0.dtype();
    return new Tensor[] {HalfFloats.narrow(ctx, oT, q0.dtype()), HalfFloats.narrow(ctx, sT, stateType)};
  }

  /** One run's arrays and sizes; {@link #run} advances the states of KV heads [from, to). */
  private record Recurrence(float[] q, float[] k, float[] v, float[] decay, float[] beta, float[] out,
      float[] state, int time, int qHeads, int kvHeads, int dk, int dv, float scale, boolean perKeyDecay,
      boolean betaPerHead) {

    void run(int from, int to) {
      float[] u = new float[dv];
      int group = qHeads / kvHeads;
      for (int bh = from; bh < to; bh++) {
        int b = bh / kvHeads;
        int h = bh % kvHeads;
        int s0 = bh * dk * dv;
        for (int t = 0; t < time; t++) {
          int bt = b * time + t;
          int kOff = (bt * kvHeads + h) * dk;
          int vOff = (bt * kvHeads + h) * dv;
          if (decay != null) {
            if (perKeyDecay) {
              for (int d = 0; d < dk; d++) {
                scaleRow(s0 + d * dv, (float) Math.exp(decay[kOff + d]));
              }
            } else {
              float e = (float) Math.exp(decay[bt * kvHeads + h]);
              for (int i = s0; i < s0 + dk * dv; i++) {
                state[i] *= e;
              }
            }
          }
          if (beta != null) {
            // u = beta * (v - S^T k)
            System.arraycopy(v, vOff, u, 0, dv);
            for (int d = 0; d < dk; d++) {
              float kd = k[kOff + d];
              int row = s0 + d * dv;
              for (int m = 0; m < dv; m++) {
                u[m] -= state[row + m] * kd;
              }
            }
            float bt0 = beta[betaPerHead ? bt * kvHeads + h : bt];
            for (int m = 0; m < dv; m++) {
              u[m] *= bt0;
            }
          } else {
            System.arraycopy(v, vOff, u, 0, dv);
          }
          for (int d = 0; d < dk; d++) {
            float kd = k[kOff + d];
            int row = s0 + d * dv;
            for (int m = 0; m < dv; m++) {
              state[row + m] += kd * u[m];
            }
          }
          for (int g = 0; g < group; g++) {
            int hq = h * group + g;
            int qOff = (bt * qHeads + hq) * dk;
            int oOff = (bt * qHeads + hq) * dv;
            for (int d = 0; d < dk; d++) {
              float qd = q[qOff + d] * scale;
              int row = s0 + d * dv;
              for (int m = 0; m < dv; m++) {
                out[oOff + m] += qd * state[row + m];
              }
            }
          }
        }
      }
    }

    private void scaleRow(int from, float e) {
      for (int m = from; m < from + dv; m++) {
        state[m] *= e;
      }
    }
  }
}
