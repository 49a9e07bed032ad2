package dev.vireo.optimize.fusion;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.ValueType;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses {@code Gemm → activation} into onnxruntime's {@code com.microsoft FusedGemm}: {@code Y =
 * activation(alpha·A'·B' + beta·C)}, the activation's parameters in {@code activation_alpha} and
 * {@code activation_beta}. Clip is not fused (FusedGemm has no bounds for it).
 *
 * <p>Matches only f32 standard Gemm nodes whose output is read by the activation only and is no
 * graph output. Does nothing when the context is portable.
 */
public final class GemmActivationFusion implements GraphPass {
  @Override
  public String name() {
    return "gemm-activation-fusion";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.EXTENDED;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    if (ctx.portable()) {
      return 0;
    }
    GraphEditor ed = new GraphEditor(graph);
    int fused = 0;
    for (Node s : ed.snapshot()) {
      Node gemm = ed.current(s);
      if (gemm == null || !gemm.domain().isEmpty() || !gemm.opType().equals("Gemm")
          || gemm.output(0) == null || !ed.hasSingleUse(gemm.output(0))) {
        continue;
      }
      ValueType.TensorType a = gemm.input(0).tensorType();
      if (a == null || a.elemType() != DType.FLOAT) {
        continue;
      }
      Node actNode = ed.consumers(gemm.output(0)).get(0);
      FusableActivation act = FusableActivation.of(actNode, ed);
      if (act == null || act.opType().equals("Clip") || actNode.input(0) != gemm.output(0)) {
        continue;
      }
      int opset = ctx.importDomain("com.microsoft", 1);
      Map<String, Attribute> attrs = new LinkedHashMap<>(gemm.attributes());
      attrs.put("activation", Attribute.of("activation", act.opType()));
      if (act.params() > 0) {
        attrs.put("activation_alpha", Attribute.of("activation_alpha", act.a()));
      }
      if (act.params() > 1) {
        attrs.put("activation_beta", Attribute.of("activation_beta", act.b()));
      }
      Node f = new Node(gemm.name(), "com.microsoft", "FusedGemm", opset, gemm.inputs(),
          List.of(actNode.output(0)), attrs);
      ed.replace(List.of(gemm, actNode), List.of(f));
      fused++;
    }
    return fused;
  }
}
