package dev.vireo.optimize.qdq;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Gemm(DequantizeLinear(a), DequantizeLinear(b) [, c]) → [Relu | Clip →] QuantizeLinear} becomes
 * onnxruntime's {@code com.microsoft QGemm}: int32 accumulation, the bias added in int32, one
 * requantization. Not applied when the result must stay portable.
 *
 * <p>Matches a standard 2-D Gemm with alpha 1 (beta 1 when c is given) when a's scale and zero
 * point are scalars, b's are scalars or one per output column (axis 1 of [K, N], axis 0 of a
 * transposed [N, K]), c is absent, an int32 DequantizeLinear with zero point 0 and scale
 * {@code a_scale * b_scale}, or a 1-D float constant of length N (quantized here with that scale,
 * half to even), and the Gemm's output is read only by a QuantizeLinear with scalar parameters, or
 * by a Relu or Clip that this QuantizeLinear makes a no-op ({@link QdqRewrite#absorbs}). Results may differ
 * from the unfused graph by one step of the output type: one rounding from the exact int32 sum
 * instead of a rounded float32 sum.
 */
public final class QGemmFusion implements GraphPass {
  private static final String MS = "com.microsoft";

  @Override
  public String name() {
    return "qgemm-fusion";
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
    QdqRewrite rw = new QdqRewrite(graph);
    Map<Node, Node> replaced = new IdentityHashMap<>();
    Set<Node> removed = new HashSet<>();
    for (Node gemm : graph.nodes()) {
      Node fused = match(gemm, rw, graph, ctx);
      if (fused != null) {
        QdqRewrite.Tail tail = rw.quantizedTail(gemm.output(0));
        replaced.put(tail.quantize(), fused);
        removed.add(gemm);
        if (tail.clamp() != null) {
          removed.add(tail.clamp());
        }
      }
    }
    if (!replaced.isEmpty()) {
      rw.install(replaced, removed);
    }
    return replaced.size();
  }

  private static Node match(Node gemm, QdqRewrite rw, Graph graph, PassContext ctx) {
    if (!gemm.domain().isEmpty() || !gemm.opType().equals("Gemm") || gemm.outputs().size() != 1
        || gemm.attrFloat("alpha", 1f) != 1f || gemm.attrInt("transA", 0) != 0) {
      return null;
    }
    Dequantized a = Dequantized.of(gemm.input(0), false);
    Dequantized b = Dequantized.of(gemm.input(1), false);
    if (a == null || b == null || !a.perTensor() || !b.data().tensorType().hasRank()
        || b.data().tensorType().rank() != 2 || !a.data().tensorType().hasRank()
        || a.data().tensorType().rank() != 2) {
      return null;
    }
    boolean transB = gemm.attrInt("transB", 0) != 0;
    if (!b.perTensor() && b.axis() != (transB ? 0 : 1)) {
      return null;
    }
    QdqRewrite.Tail tail = rw.quantizedTail(gemm.output(0));
    if (tail == null) {
      return null;
    }
    Value c = gemm.inputs().size() > 2 ? gemm.input(2) : null;
    Value bias = null;
    if (c != null) {
      long n = b.data().tensorType().dims().get(transB ? 0 : 1).value();
      if (gemm.attrFloat("beta", 1f) != 1f || c.tensorType() == null || !c.tensorType().hasRank()
          || c.tensorType().rank() != 1 || !c.tensorType().dims().get(0).isKnown() || c.tensorType().dims().get(0).value() != n) {
        return null;
      }
      bias = QLinearConvFusion.bias(c, a, b, rw, graph);
      if (bias == null) {
        return null;
      }
    }
    Node q = tail.quantize();
    List<Value> in = new ArrayList<>(Arrays.asList(a.data(), a.scale(), a.zeroPoint(), b.data(), b.scale(),
        b.zeroPoint(), bias, q.input(1), q.input(2)));
    Map<String, Attribute> attrs = new LinkedHashMap<>();
    attrs.put("transB", Attribute.of("transB", transB ? 1L : 0L));
    int version = ctx.importDomain(MS, 1);
    return new Node(rw.unique(gemm.name() + "_quant"), MS, "QGemm", version, in, q.outputs(), attrs);
  }
}
