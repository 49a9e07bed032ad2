package dev.vireo.op.fused;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.OpDefRegistry;
import java.util.List;

/**
 * Registers onnxruntime's fused contrib ops (domain com.microsoft) that Vireo's optimizer
 * produces: {@code FusedConv} (Conv + optional residual Z + activation) and {@code FusedGemm}
 * (Gemm + activation). Their output types are those of the underlying Conv and Gemm.
 */
public final class FusedOps {
  /** The domain of onnxruntime's contrib ops. */
  public static final String DOMAIN = "com.microsoft";

  private FusedOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new Delegating("FusedConv", new dev.vireo.op.nn.ConvDef()));
    r.register(new Delegating("FusedGemm", new dev.vireo.op.math.GemmDef()));
  }

  /** A fused op typed as the standard op it extends (extra inputs and attributes do not change the type). */
  private record Delegating(String opType, OpDef base) implements OpDef {
    @Override
    public String domain() {
      return DOMAIN;
    }

    @Override
    public List<ValueType> infer(InferenceContext ctx) {
      return base.infer(ctx);
    }
  }
}
