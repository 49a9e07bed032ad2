package dev.vireo.op.quantcontrib;

import dev.vireo.op.OpDefRegistry;

/** Registers onnxruntime's quantized operators of domain com.microsoft. */
public final class QuantContribOps {
  /** onnxruntime's contrib operator domain. */
  public static final String DOMAIN = "com.microsoft";

  private QuantContribOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new DynamicQuantizeMatMulDef());
    r.register(new MatMulIntegerToFloatDef());
    r.register(new QGemmDef());
    r.register(new QLinearAddDef());
    r.register(new QLinearMulDef());
    r.register(new QLinearSigmoidDef());
    r.register(new QLinearLeakyReluDef());
    r.register(new QLinearConcatDef());
    r.register(new QLinearGlobalAveragePoolDef());
    r.register(new QLinearAveragePoolDef());
  }
}
