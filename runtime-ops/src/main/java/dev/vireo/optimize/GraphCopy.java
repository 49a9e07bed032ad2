package dev.vireo.optimize;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of a model's graph, so that the optimizer can rewrite a model without touching the
 * caller's: new {@link Graph}, {@link Node} and {@link Value} objects (same names, types and
 * order), subgraphs included with their outer-scope references pointing at the copies; tensors
 * (immutable) are shared.
 */
final class GraphCopy {
  private GraphCopy() {}

  /** A model whose graph is a copy of {@code m}'s, with the same opsets and producer fields. */
  static Model copy(Model m) {
    Graph g = copy(m.graph(), null, new IdentityHashMap<>());
    return new Model(g, m.opsetImports(), m.irVersion(), m.producerName(), m.producerVersion(),
        m.domain(), m.modelVersion(), m.docString(), m.metadata(), m.source());
  }

  private static Graph copy(Graph src, Graph parent, Map<Value, Value> map) {
    Graph g = new Graph(src.name(), parent);
    for (Value v : src.inputs()) {
      g.inputs().add(value(v, map));
    }
    for (Value v : src.initializers()) {
      g.initializers().add(value(v, map));
    }
    List<Node> nodes = new ArrayList<>(src.nodes().size());
    for (Node n : src.nodes()) {
      List<Value> ins = new ArrayList<>(n.inputs().size());
      for (Value v : n.inputs()) {
        ins.add(v == null ? null : value(v, map));
      }
      Map<String, Attribute> attrs = new LinkedHashMap<>();
      for (Attribute a : n.attributes().values()) {
        if (a.kind() == Attribute.Kind.GRAPH) {
          attrs.put(a.name(), Attribute.of(a.name(), copy(a.graphValue(), g, map)));
        } else if (a.kind() == Attribute.Kind.GRAPHS) {
          List<Graph> subs = new ArrayList<>();
          for (Graph sub : a.graphsValue()) {
            subs.add(copy(sub, g, map));
          }
          attrs.put(a.name(), new Attribute(a.name(), Attribute.Kind.GRAPHS, List.copyOf(subs)));
        } else {
          attrs.put(a.name(), a);
        }
      }
      List<Value> outs = new ArrayList<>(n.outputs().size());
      for (Value v : n.outputs()) {
        outs.add(v == null ? null : value(v, map));
      }
      nodes.add(new Node(n.name(), n.domain(), n.opType(), n.opset(), ins, outs, attrs));
    }
    g.setNodes(nodes);
    for (Value v : src.outputs()) {
      g.outputs().add(value(v, map));
    }
    g.metadata().putAll(src.metadata());
    return g;
  }

  private static Value value(Value v, Map<Value, Value> map) {
    return map.computeIfAbsent(v, k -> {
      Value c = new Value(k.name(), k.type());
      if (k.initializer() != null) {
        c.setInitializer(k.initializer());
      }
      return c;
    });
  }
}
