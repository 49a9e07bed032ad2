package dev.vireo.onnx.load;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.error.VireoException.NodeContext;
import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.FunctionProto;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.NodeProto;
import dev.vireo.onnx.proto.OperatorSetIdProto;
import dev.vireo.onnx.proto.SparseTensorProto;
import dev.vireo.onnx.proto.TensorProto;
import dev.vireo.onnx.proto.ValueInfoProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Expands calls of model-local functions ({@code ModelProto.functions}) inline.
 *
 * <p>A node whose (domain, op_type, overload) names a function is replaced by the function's
 * body: formal inputs and outputs become the caller's values (an omitted actual becomes an
 * omitted optional), every other name in the body, including inside subgraph attributes, gets
 * the prefix {@code <caller name>/} so expansions never collide; body node names get the same
 * prefix. Attributes with {@code ref_attr_name} take the caller's attribute of that name, else
 * the function's default ({@code attribute_proto}), else are dropped. Body nodes use the
 * function's opset imports, falling back to the model's. Calls inside bodies are expanded too;
 * recursion is an error, nesting is bounded by {@link #MAX_DEPTH} and the total expansion by
 * {@link #MAX_EXPANDED_NODES}.
 */
final class FunctionInliner {
  /** Deepest chain of nested function calls expanded. */
  static final int MAX_DEPTH = 32;

  /**
   * Most nodes all expansions of one model may produce: functions calling functions several
   * times grow exponentially, and a hostile file must not make the loader run out of memory.
   */
  static final int MAX_EXPANDED_NODES = 200_000;

  /** A node ready for import: its proto, its final name and the opsets its domain resolves in. */
  record Expanded(NodeProto node, String name, Map<String, Integer> opsets) {}

  private final Map<String, FunctionProto> functions = new HashMap<>();
  private final Map<String, Integer> modelOpsets;
  private final Set<String> usedPrefixes = new HashSet<>();
  private final int maxExpandedNodes;
  private int expandedNodes;

  FunctionInliner(List<FunctionProto> functions, Map<String, Integer> modelOpsets) {
    this(functions, modelOpsets, MAX_EXPANDED_NODES);
  }

  FunctionInliner(List<FunctionProto> functions, Map<String, Integer> modelOpsets, int maxExpandedNodes) {
    this.modelOpsets = modelOpsets;
    this.maxExpandedNodes = maxExpandedNodes;
    for (FunctionProto f : functions) {
      String key = key(f.getDomain(), f.getName(), f.getOverload());
      if (this.functions.put(key, f) != null) {
        throw new ModelLoadException(
            Phase.LOAD, "function " + describe(f) + " is defined more than once");
      }
    }
  }

  /**
   * The nodes of one graph with function calls expanded; unnamed nodes are named {@code
   * <OpType>_<index>}.
   */
  List<Expanded> expand(List<NodeProto> nodes, Map<String, Integer> opsets) {
    List<Expanded> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      NodeProto n = nodes.get(i);
      String name = n.getName().isEmpty() ? n.getOpType() + "_" + i : n.getName();
      expandInto(out, n, name, opsets, new ArrayDeque<>());
    }
    return out;
  }

  private void expandInto(
      List<Expanded> out, NodeProto call, String name, Map<String, Integer> opsets, Deque<String> stack) {
    FunctionProto f = functions.get(key(call.getDomain(), call.getOpType(), call.getOverload()));
    if (f == null) {
      if (!stack.isEmpty() && ++expandedNodes > maxExpandedNodes) {
        throw new ModelLoadException(
            Phase.LOAD, "expanding functions produces more than " + maxExpandedNodes + " nodes");
      }
      out.add(new Expanded(call, name, opsets));
      return;
    }
    String key = key(f.getDomain(), f.getName(), f.getOverload());
    NodeContext ctx = new NodeContext(name, call.getOpType(), call.getDomain(), 0);
    if (stack.contains(key)) {
      List<String> chain = new ArrayList<>(stack);
      java.util.Collections.reverse(chain);
      chain.add(key);
      throw new ModelLoadException(
          Phase.LOAD, ctx, "function " + describe(f) + " calls itself: " + String.join(" -> ", chain), null);
    }
    if (stack.size() >= MAX_DEPTH) {
      throw new ModelLoadException(
          Phase.LOAD, ctx, "function calls nest deeper than " + MAX_DEPTH + " levels", null);
    }
    if (call.getInputCount() > f.getInputCount() || call.getOutputCount() > f.getOutputCount()) {
      throw new ModelLoadException(
          Phase.LOAD, ctx,
          "function " + describe(f) + " takes " + f.getInputCount() + " inputs and "
              + f.getOutputCount() + " outputs, the call has " + call.getInputCount() + " and "
              + call.getOutputCount(), null);
    }
    stack.push(key);
    Map<String, Integer> fOpsets = new LinkedHashMap<>();
    for (OperatorSetIdProto o : f.getOpsetImportList()) {
      fOpsets.put(OnnxLoader.normalizeDomain(o.getDomain()), (int) o.getVersion());
    }
    modelOpsets.forEach(fOpsets::putIfAbsent);
    String prefix = uniquePrefix(name);
    Map<String, String> bound = new HashMap<>();
    for (int i = 0; i < f.getInputCount(); i++) {
      bound.put(f.getInput(i), i < call.getInputCount() ? call.getInput(i) : "");
    }
    for (int i = 0; i < f.getOutputCount(); i++) {
      bound.put(f.getOutput(i), i < call.getOutputCount() ? call.getOutput(i) : "");
    }
    UnaryOperator<String> rename =
        s -> s.isEmpty() ? s : bound.containsKey(s) ? bound.get(s) : prefix + s;
    Map<String, AttributeProto> given = new HashMap<>();
    for (AttributeProto a : f.getAttributeProtoList()) {
      given.put(a.getName(), a);
    }
    for (AttributeProto a : call.getAttributeList()) {
      given.put(a.getName(), a);
    }
    for (int j = 0; j < f.getNodeCount(); j++) {
      NodeProto body = f.getNode(j);
      String inner = prefix + (body.getName().isEmpty() ? body.getOpType() + "_" + j : body.getName());
      expandInto(out, rewriteNode(body, rename, given, prefix), inner, fOpsets, stack);
    }
    stack.pop();
  }

  private String uniquePrefix(String name) {
    String p = name;
    for (int k = 2; !usedPrefixes.add(p); k++) {
      p = name + "#" + k;
    }
    return p + "/";
  }

  /** The body node with names renamed and referenced attributes substituted; the name is cleared. */
  private static NodeProto rewriteNode(
      NodeProto n, UnaryOperator<String> rename, Map<String, AttributeProto> given, String prefix) {
    NodeProto.Builder b = n.toBuilder().clearName().clearInput().clearOutput().clearAttribute();
    n.getInputList().forEach(s -> b.addInput(rename.apply(s)));
    n.getOutputList().forEach(s -> b.addOutput(rename.apply(s)));
    for (AttributeProto a : n.getAttributeList()) {
      AttributeProto r = rewriteAttribute(a, rename, given, prefix);
      if (r != null) {
        b.addAttribute(r);
      }
    }
    return b.build();
  }

  private static AttributeProto rewriteAttribute(
      AttributeProto a, UnaryOperator<String> rename, Map<String, AttributeProto> given, String prefix) {
    if (!a.getRefAttrName().isEmpty()) {
      AttributeProto v = given.get(a.getRefAttrName());
      // The caller's (or default) value is taken as is: it belongs to the caller's scope.
      return v == null ? null : v.toBuilder().setName(a.getName()).clearRefAttrName().build();
    }
    if (!a.hasG() && a.getGraphsCount() == 0) {
      return a;
    }
    AttributeProto.Builder b = a.toBuilder();
    if (a.hasG()) {
      b.setG(rewriteGraph(a.getG(), rename, given, prefix));
    }
    for (int i = 0; i < a.getGraphsCount(); i++) {
      b.setGraphs(i, rewriteGraph(a.getGraphs(i), rename, given, prefix));
    }
    return b.build();
  }

  private static GraphProto rewriteGraph(
      GraphProto g, UnaryOperator<String> rename, Map<String, AttributeProto> given, String prefix) {
    GraphProto.Builder b = g.toBuilder().clearNode();
    for (int i = 0; i < g.getInputCount(); i++) {
      b.setInput(i, renameInfo(g.getInput(i), rename));
    }
    for (int i = 0; i < g.getOutputCount(); i++) {
      b.setOutput(i, renameInfo(g.getOutput(i), rename));
    }
    for (int i = 0; i < g.getValueInfoCount(); i++) {
      b.setValueInfo(i, renameInfo(g.getValueInfo(i), rename));
    }
    for (int i = 0; i < g.getInitializerCount(); i++) {
      TensorProto t = g.getInitializer(i);
      b.setInitializer(i, t.toBuilder().setName(rename.apply(t.getName())));
    }
    for (int i = 0; i < g.getSparseInitializerCount(); i++) {
      SparseTensorProto s = g.getSparseInitializer(i);
      b.setSparseInitializer(i, s.toBuilder().setValues(
          s.getValues().toBuilder().setName(rename.apply(s.getValues().getName()))));
    }
    for (NodeProto n : g.getNodeList()) {
      NodeProto r = rewriteNode(n, rename, given, prefix);
      b.addNode(n.getName().isEmpty() ? r : r.toBuilder().setName(prefix + n.getName()).build());
    }
    return b.build();
  }

  private static ValueInfoProto renameInfo(ValueInfoProto v, UnaryOperator<String> rename) {
    return v.toBuilder().setName(rename.apply(v.getName())).build();
  }

  private static String key(String domain, String name, String overload) {
    return OnnxLoader.normalizeDomain(domain) + "::" + name + "::" + overload;
  }

  private static String describe(FunctionProto f) {
    String d = f.getDomain().isEmpty() ? "ai.onnx" : f.getDomain();
    return "'" + d + "." + f.getName() + "'" + (f.getOverload().isEmpty() ? "" : " overload '" + f.getOverload() + "'");
  }
}
