package dev.vireo.onnx.load;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.error.VireoException.NodeContext;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.NodeProto;
import dev.vireo.onnx.proto.SparseTensorProto;
import dev.vireo.onnx.proto.TensorProto;
import dev.vireo.onnx.proto.ValueInfoProto;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an ONNX {@link GraphProto} (and, recursively, its subgraph attributes) into an IR {@link
 * Graph}.
 *
 * <p>Names resolve through scopes: a graph's inputs, initializers and node outputs, then the
 * enclosing graphs' (so a subgraph's reference to an outer value is that same {@link Value}, and
 * its own inputs and outputs may shadow outer names). An initializer that is also a graph input
 * is one Value in both lists. Empty input and output names are omitted optionals ({@code null}).
 * Each node gets the opset its domain is imported at; function calls are expanded first by
 * {@link FunctionInliner}. Node order is left to {@link dev.vireo.ir.GraphChecker}.
 */
final class GraphImporter {
  private final TensorSource source;
  private final Map<String, Integer> modelOpsets;
  private final FunctionInliner functions;

  /** Names visible in one graph, falling back to the enclosing graph's scope. */
  private static final class Scope {
    final Map<String, Value> local = new HashMap<>();
    final Scope outer;

    Scope(Scope outer) {
      this.outer = outer;
    }

    Value lookup(String name) {
      for (Scope s = this; s != null; s = s.outer) {
        Value v = s.local.get(name);
        if (v != null) {
          return v;
        }
      }
      return null;
    }
  }

  GraphImporter(TensorSource source, Map<String, Integer> modelOpsets, FunctionInliner functions) {
    this.source = source;
    this.modelOpsets = modelOpsets;
    this.functions = functions;
  }

  /** Imports the main graph. */
  Graph importMain(GraphProto g) {
    return importGraph(g, null, null, modelOpsets);
  }

  private Graph importGraph(GraphProto gp, Graph parent, Scope outer, Map<String, Integer> opsets) {
    Graph g = new Graph(gp.getName(), parent);
    String where = (parent == null ? "graph '" : "subgraph '") + gp.getName() + "'";
    Scope scope = new Scope(outer);
    for (ValueInfoProto in : gp.getInputList()) {
      Value v = new Value(in.getName(), type(in, where + " input"));
      define(scope, in.getName(), v, where + " input");
      g.inputs().add(v);
    }
    for (TensorProto t : gp.getInitializerList()) {
      addInitializer(g, scope, t.getName(), TensorDecoder.decodeFrom(t, source), where);
    }
    for (SparseTensorProto s : gp.getSparseInitializerList()) {
      addInitializer(g, scope, s.getValues().getName(), SparseTensors.densify(s, source), where);
    }
    Map<String, ValueInfoProto> declared = new HashMap<>();
    gp.getValueInfoList().forEach(v -> declared.put(v.getName(), v));
    gp.getOutputList().forEach(v -> declared.put(v.getName(), v));

    List<FunctionInliner.Expanded> nodes = functions.expand(gp.getNodeList(), opsets);
    List<List<Value>> outputs = new ArrayList<>(nodes.size());
    Map<String, String> producedBy = new HashMap<>();
    for (FunctionInliner.Expanded e : nodes) {
      List<Value> outs = new ArrayList<>(e.node().getOutputCount());
      for (String name : e.node().getOutputList()) {
        if (name.isEmpty()) {
          outs.add(null);
          continue;
        }
        Value existing = scope.local.get(name);
        if (existing != null) {
          throw new ModelLoadException(
              Phase.VALIDATE, context(e, opsets(e)),
              "output '" + name + "' is already defined"
                  + (producedBy.containsKey(name) ? " by node '" + producedBy.get(name) + "'"
                      : existing.initializer() != null ? " as an initializer" : " as a graph input"),
              null);
        }
        ValueInfoProto info = declared.get(name);
        Value v = new Value(name, info == null ? null : type(info, where + " value"));
        scope.local.put(name, v);
        producedBy.put(name, e.name());
        outs.add(v);
      }
      outputs.add(outs);
    }
    for (ValueInfoProto out : gp.getOutputList()) {
      Value v = scope.lookup(out.getName());
      if (v == null) {
        throw new ModelLoadException(
            Phase.VALIDATE, where + " output '" + out.getName() + "' is not defined");
      }
      if (v.type() == null) {
        v.setType(type(out, where + " output"));
      }
      g.outputs().add(v);
    }
    for (int i = 0; i < nodes.size(); i++) {
      g.nodes().add(importNode(nodes.get(i), outputs.get(i), g, scope));
    }
    return g;
  }

  private Node importNode(FunctionInliner.Expanded e, List<Value> outputs, Graph g, Scope scope) {
    NodeProto n = e.node();
    int opset = opsets(e);
    NodeContext ctx = context(e, opset);
    if (opset == 0) {
      throw new ModelLoadException(
          Phase.VALIDATE, ctx,
          "the model does not import domain '" + label(n.getDomain()) + "' (opset_import has "
              + String.join(", ", e.opsets().keySet().stream().map(GraphImporter::label).toList()) + ")",
          null);
    }
    List<Value> inputs = new ArrayList<>(n.getInputCount());
    for (String name : n.getInputList()) {
      if (name.isEmpty()) {
        inputs.add(null);
        continue;
      }
      Value v = scope.lookup(name);
      if (v == null) {
        throw new ModelLoadException(Phase.VALIDATE, ctx, "input '" + name + "' is not defined", null);
      }
      inputs.add(v);
    }
    Map<String, Attribute> attrs = new LinkedHashMap<>();
    String label = "node '" + e.name() + "'";
    for (AttributeProto a : n.getAttributeList()) {
      if (!a.getRefAttrName().isEmpty()) {
        throw new ModelLoadException(
            Phase.VALIDATE, ctx,
            "attribute '" + a.getName() + "' refers to '" + a.getRefAttrName() + "' outside a function", null);
      }
      Attribute attr;
      try {
        attr = AttributeDecoder.decode(a, source, sub -> importGraph(sub, g, scope, e.opsets()), label);
      } catch (ModelLoadException ex) {
        throw ex.node() != null ? ex : new ModelLoadException(ex.phase(), ctx, ex.reason(), ex);
      }
      if (attrs.put(a.getName(), attr) != null) {
        throw new ModelLoadException(
            Phase.VALIDATE, ctx, "attribute '" + a.getName() + "' is given twice", null);
      }
    }
    return new Node(e.name(), n.getDomain(), n.getOpType(), opset, inputs, outputs, attrs);
  }

  private static void addInitializer(Graph g, Scope scope, String name, Tensor data, String where) {
    if (name.isEmpty()) {
      throw new ModelLoadException(Phase.VALIDATE, where + " has an initializer without a name");
    }
    Value v = scope.local.get(name);
    if (v != null) {
      if (v.initializer() != null || !g.inputs().contains(v)) {
        throw new ModelLoadException(
            Phase.VALIDATE, where + " initializer '" + name + "' is defined more than once");
      }
    } else {
      v = new Value(name, null);
      scope.local.put(name, v);
    }
    // An initializer that is also an input keeps the input's declared type: it can be overridden.
    v.setInitializer(data);
    g.initializers().add(v);
  }

  private static void define(Scope scope, String name, Value v, String what) {
    if (name.isEmpty()) {
      throw new ModelLoadException(Phase.VALIDATE, what + " has no name");
    }
    if (scope.local.put(name, v) != null) {
      throw new ModelLoadException(Phase.VALIDATE, what + " '" + name + "' is declared twice");
    }
  }

  private static ValueType type(ValueInfoProto v, String what) {
    return v.hasType() ? TypeDecoder.decode(v.getType(), what + " '" + v.getName() + "'") : null;
  }

  private static int opsets(FunctionInliner.Expanded e) {
    return e.opsets().getOrDefault(OnnxLoader.normalizeDomain(e.node().getDomain()), 0);
  }

  private static NodeContext context(FunctionInliner.Expanded e, int opset) {
    return new NodeContext(e.name(), e.node().getOpType(), e.node().getDomain(), opset);
  }

  private static String label(String domain) {
    return domain.isEmpty() ? "ai.onnx" : domain;
  }
}
