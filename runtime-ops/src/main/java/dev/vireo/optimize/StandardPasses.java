package dev.vireo.optimize;

import java.util.List;

/**
 * Every pass Vireo ships, in the order the {@link Optimizer} runs them; each pass declares its own
 * level. Add a pass with one line in {@link #all()} at the place its inputs are ready: clean-ups
 * first (they expose patterns), folds next, fusions after them, the final clean-up last.
 */
public final class StandardPasses {
  private StandardPasses() {}

  /** The passes, in run order. */
  public static List<GraphPass> all() {
    return List.of(
        // clean-ups: remove what computes nothing
        new dev.vireo.optimize.cleanup.IdentityElimination(),
        new dev.vireo.optimize.cleanup.NoOpCastElimination(),
        new dev.vireo.optimize.cleanup.CommonSubexpressionElimination(),
        new dev.vireo.optimize.transformer.TransposeCancellation(),
        new dev.vireo.optimize.transformer.ReshapeChainMerge(),
        // folds: compute what is known before the model runs
        new dev.vireo.optimize.fold.ShapeFolding(),
        new dev.vireo.optimize.fold.ConstantFolding(),
        new dev.vireo.optimize.cleanup.NoOpReshapeElimination(),
        // standard-op fusions (basic: the result stays portable ONNX)
        new dev.vireo.optimize.fusion.ConvBatchNormFusion(),
        new dev.vireo.optimize.fusion.ConvScaleBiasFusion(),
        new dev.vireo.optimize.fusion.MatMulAddFusion(),
        // contrib fusions into onnxruntime's com.microsoft kernels (extended); QDQ Gemm first, so
        // that a quantized Gemm → Relu/Clip → QuantizeLinear becomes QGemm rather than a float FusedGemm
        new dev.vireo.optimize.qdq.QGemmFusion(),
        new dev.vireo.optimize.fusion.ConvActivationFusion(),
        new dev.vireo.optimize.fusion.GemmActivationFusion(),
        // transformer fusions (extended): layer norms first, so that residual Adds meet them
        new dev.vireo.optimize.transformer.LayerNormFusion(),
        new dev.vireo.optimize.transformer.SkipLayerNormFusion(),
        new dev.vireo.optimize.transformer.GeluFusion(),
        new dev.vireo.optimize.transformer.FastGeluFusion(),
        new dev.vireo.optimize.transformer.BiasGeluFusion(),
        new dev.vireo.optimize.transformer.AttentionFusion(),
        // dynamic-quantization tails into com.microsoft MatMulIntegerToFloat (extended)
        new dev.vireo.optimize.qdq.MatMulIntegerToFloatFusion(),
        // per-row dynamic quantization into dev.vireo RowQuantize + MatMulIntegerRowScaled (extended)
        new dev.vireo.optimize.qdq.RowQuantizedMatMulFusion(),
        // final clean-up
        new dev.vireo.optimize.cleanup.DeadCodeElimination(),
        // QDQ fusions: DequantizeLinear → Conv/MatMul/Gemm [→ Relu | Clip] → QuantizeLinear into integer ops,
        // then the Relu/Clip nodes left between a DequantizeLinear and a QuantizeLinear that saturates at their bounds
        new dev.vireo.optimize.qdq.QLinearConvFusion(), new dev.vireo.optimize.qdq.QLinearMatMulFusion(),
        new dev.vireo.optimize.qdq.QLinearContribFusion(),
        new dev.vireo.optimize.qdq.QdqClampElimination(),
        new dev.vireo.optimize.cleanup.UnusedInitializerRemoval());
  }
}
