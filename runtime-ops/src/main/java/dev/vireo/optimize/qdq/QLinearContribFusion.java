package dev.vireo.optimize.qdq;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The QDQ forms onnxruntime has com.microsoft integer kernels for: {@code Add}, {@code Mul},
 * {@code Concat}, {@code AveragePool} and {@code GlobalAveragePool} whose float inputs all come
 * from per-tensor DequantizeLinear nodes and whose only reader is a per-tensor QuantizeLinear of
 * the same 8-bit type become {@code QLinearAdd}, {@code QLinearMul}, {@code QLinearConcat},
 * {@code QLinearAveragePool} and {@code QLinearGlobalAveragePool}. Results may differ from the
 * unfused graph by one step of the output type (a single rounding instead of a float round trip).
 * Not applied when the result must stay portable.
 */
public final class QLinearContribFusion implements GraphPass {
  private static final String MS = "com.microsoft";

  @Override
  public String name() {
    return "qlinear-contrib-fusion";
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
    for (Node op : graph.nodes()) {
      Node q = op.outputs().size() == 1 && op.output(0) != null ? rw.onlyQuantizeReader(op.output(0)) : null;
      if (q == null || !op.domain().isEmpty() || replaced.containsKey(q)) {
        continue;
      }
      Node fused = match(op, q, rw, ctx);
      if (fused != null) {
        replaced.put(q, fused);
        removed.add(op);
      }
    }
    if (!replaced.isEmpty()) {
      rw.install(replaced, removed);
    }
    return replaced.size();
  }

  private static Node match(Node op, Node q, QdqRewrite rw, PassContext ctx) {
    DType type = q.input(2).initializer().dtype();
    List<Dequantized> ins = new ArrayList<>();
    for (Value v : op.inputs()) {
      Dequantized d = Dequantized.of(v, false);
      if (d == null || !d.perTensor() || d.data().tensorType().elemType() != type) {
        return null;
      }
      ins.add(d);
    }
    List<Value> in = new ArrayList<>();
    Map<String, Attribute> attrs = new LinkedHashMap<>();
    String fused;
    switch (op.opType()) {
      case "Add", "Mul" -> {
        if (ins.size() != 2) {
          return null;
        }
        fused = "QLinear" + op.opType();
        ins.forEach(d -> in.addAll(List.of(d.data(), d.scale(), d.zeroPoint())));
        in.addAll(List.of(q.input(1), q.input(2)));
      }
      case "Concat" -> {
        if (ins.isEmpty()) {
          return null;
        }
        fused = "QLinearConcat";
        in.addAll(List.of(q.input(1), q.input(2)));
        ins.forEach(d -> in.addAll(List.of(d.data(), d.scale(), d.zeroPoint())));
        attrs.putAll(op.attributes());
      }
      case "AveragePool", "GlobalAveragePool" -> {
        if (ins.size() != 1) {
          return null;
        }
        fused = "QLinear" + op.opType();
        Dequantized x = ins.get(0);
        in.addAll(List.of(x.data(), x.scale(), x.zeroPoint(), q.input(1), q.input(2)));
        attrs.putAll(op.attributes());
      }
      default -> {
        return null;
      }
    }
    int version = ctx.importDomain(MS, 1);
    return new Node(rw.unique(op.name() + "_quant"), MS, fused, version, in, q.outputs(), attrs);
  }
}
