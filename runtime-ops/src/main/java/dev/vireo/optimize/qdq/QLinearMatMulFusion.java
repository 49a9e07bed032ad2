package dev.vireo.optimize.qdq;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code MatMul(DequantizeLinear(a), DequantizeLinear(b)) → QuantizeLinear} becomes one {@code
 * QLinearMatMul} (int32 accumulation, one requantization). Matches when a's scale and zero point
 * are scalars, b's are scalars or, for a 2-D b, one per column (axis 1), and the QuantizeLinear
 * is the MatMul's only reader with scalar parameters (or reads a Relu or Clip that its saturation
 * makes a no-op, see {@link QdqRewrite#absorbs}). Results may differ from the unfused graph
 * by one step of the output type (one rounding from the exact sum instead of a float32 sum).
 */
public final class QLinearMatMulFusion implements GraphPass {
  @Override
  public String name() {
    return "qlinear-matmul-fusion";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.EXTENDED;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    QdqRewrite rw = new QdqRewrite(graph);
    Map<Node, Node> replaced = new IdentityHashMap<>();
    Set<Node> removed = new HashSet<>();
    for (Node mm : graph.nodes()) {
      Node fused = match(mm, rw);
      if (fused != null) {
        QdqRewrite.Tail tail = rw.quantizedTail(mm.output(0));
        replaced.put(tail.quantize(), fused);
        removed.add(mm);
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

  private static Node match(Node mm, QdqRewrite rw) {
    if (!mm.domain().isEmpty() || !mm.opType().equals("MatMul")) {
      return null;
    }
    Dequantized a = Dequantized.of(mm.input(0), false);
    Dequantized b = Dequantized.of(mm.input(1), false);
    if (a == null || b == null || !a.perTensor()) {
      return null;
    }
    if (!b.perTensor() && !(b.data().tensorType().rank() == 2 && b.axis() == 1)) {
      return null;
    }
    QdqRewrite.Tail tail = rw.quantizedTail(mm.output(0));
    if (tail == null) {
      return null;
    }
    Node q = tail.quantize();
    List<Value> in = List.of(a.data(), a.scale(), a.zeroPoint(), b.data(), b.scale(), b.zeroPoint(),
        q.input(1), q.input(2));
    return new Node(mm.name(), Node.ONNX_DOMAIN, "QLinearMatMul", q.opset(), in, q.outputs(), Map.of());
  }
}
