package dev.vireo.op.quant;

import dev.vireo.op.OpDefRegistry;

/** Registers the quantization operators. */
public final class QuantOps {
  private QuantOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new QuantizeLinearDef());
    r.register(new DequantizeLinearDef());
    r.register(new DynamicQuantizeLinearDef());
    r.register(new MatMulIntegerDef());
    r.register(new QLinearMatMulDef());
    r.register(new ConvIntegerDef());
    r.register(new QLinearConvDef());
  }
}
