package dev.vireo.optimize.qdq;

import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphChecker;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the QDQ fusions share: who reads each value, the QuantizeLinear that is the only reader
 * of an op's output, and the final clean-up of DequantizeLinear nodes nothing reads any more.
 */
final class QdqRewrite {
  private final Graph graph;
  private final Map<Value, List<Node>> readers = new IdentityHashMap<>();
  private final Set<String> names = new HashSet<>();

  QdqRewrite(Graph graph) {
    this.graph = graph;
    graph.inputs().forEach(v -> names.add(v.name()));
    graph.initializers().forEach(v -> names.add(v.name()));
    for (Node n : graph.nodes()) {
      names.add(n.name());
      for (Value v : GraphChecker.readValues(n)) {
        readers.computeIfAbsent(v, k -> new ArrayList<>()).add(n);
      }
      n.outputs().forEach(v -> {
        if (v != null) {
          names.add(v.name());
        }
      });
    }
  }

  /**
   * The QuantizeLinear that alone reads {@code out} (which is no graph output), with an 8-bit
   * constant zero point and a scalar constant scale; null otherwise.
   */
  Node onlyQuantizeReader(Value out) {
    List<Node> r = readers.getOrDefault(out, List.of());
    if (r.size() != 1 || graph.outputs().contains(out)) {
      return null;
    }
    Node q = r.get(0);
    if (!q.domain().isEmpty() || !q.opType().equals("QuantizeLinear") || q.input(0) != out) {
      return null;
    }
    Value scale = q.input(1);
    Value zp = q.input(2);
    if (scale == null || zp == null || scale.initializer() == null || zp.initializer() == null
        || scale.initializer().size() != 1 || zp.initializer().size() != 1
        || scale.initializer().dtype() != DType.FLOAT
        || !(zp.initializer().dtype() == DType.INT8 || zp.initializer().dtype() == DType.UINT8)) {
      return null;
    }
    return q;
  }

  /**
   * The QuantizeLinear that ends an op's output {@code out}: either its only reader ({@link
   * #onlyQuantizeReader}, {@code clamp} null), or the only reader of a Relu or Clip that alone
   * reads {@code out} and that this QuantizeLinear makes a no-op ({@link #absorbs}).
   */
  record Tail(Node quantize, Node clamp) {}

  /** The tail of {@code out} as described at {@link Tail}; null when there is none. */
  Tail quantizedTail(Value out) {
    Node q = onlyQuantizeReader(out);
    if (q != null) {
      return new Tail(q, null);
    }
    List<Node> r = readers.getOrDefault(out, List.of());
    if (r.size() != 1 || graph.outputs().contains(out)) {
      return null;
    }
    Node clamp = r.get(0);
    if (clamp.input(0) != out || clamp.output(0) == null) {
      return null;
    }
    q = onlyQuantizeReader(clamp.output(0));
    return q != null && absorbs(q, clamp) ? new Tail(q, clamp) : null;
  }

  /**
   * True when {@code clamp} is a standard Relu, or a Clip with constant bounds, that changes
   * nothing in front of the QuantizeLinear {@code q} (8-bit, scalar constant parameters):
   * {@code Q(clamp(x)) == Q(x)} for every x exactly when Q already saturates at the clamp's
   * bounds, that is {@code Q(lo)} is the type's minimum and {@code Q(hi)} its maximum (Q is
   * monotone, so everything below lo and above hi saturates too). onnxruntime drops such Relu and
   * Clip nodes the same way.
   */
  static boolean absorbs(Node q, Node clamp) {
    if (!clamp.domain().isEmpty()) {
      return false;
    }
    float lo;
    float hi;
    if (clamp.opType().equals("Relu")) {
      lo = 0f;
      hi = Float.POSITIVE_INFINITY;
    } else if (clamp.opType().equals("Clip")) {
      float[] b = clipBounds(clamp);
      if (b == null) {
        return false;
      }
      lo = b[0];
      hi = b[1];
    } else {
      return false;
    }
    Value zpv = q.input(2);
    float scale = q.input(1).initializer().toFloatArray()[0];
    int zp = (int) zpv.initializer().toLongArray()[0];
    boolean signed = zpv.initializer().dtype() == DType.INT8;
    int qmin = signed ? Byte.MIN_VALUE : 0;
    int qmax = signed ? Byte.MAX_VALUE : 255;
    return quantize(lo, scale, zp, qmin, qmax) == qmin && quantize(hi, scale, zp, qmin, qmax) == qmax;
  }

  /** QuantizeLinear of one value: round half to even, add the zero point, saturate. */
  private static int quantize(float x, float scale, int zp, int qmin, int qmax) {
    double v = Math.rint((double) x / scale) + zp;
    return (int) Math.max(qmin, Math.min(qmax, v));
  }

  /** {lo, hi} of a Clip: attributes before opset 11, optional constant inputs since; null if not constant. */
  private static float[] clipBounds(Node clip) {
    if (clip.opset() < 11) {
      return new float[] {clip.attrFloat("min", Float.NEGATIVE_INFINITY), clip.attrFloat("max", Float.POSITIVE_INFINITY)};
    }
    float[] r = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
    for (int i = 1; i <= 2; i++) {
      Value v = clip.inputs().size() > i ? clip.input(i) : null;
      if (v == null) {
        continue;
      }
      if (v.initializer() == null || v.initializer().size() != 1 || v.initializer().dtype() != DType.FLOAT) {
        return null;
      }
      r[i - 1] = v.initializer().toFloatArray()[0];
    }
    return r;
  }

  /** True when {@code v} is read by exactly one node and is no graph output. */
  boolean onlyReader(Value v, Node n) {
    List<Node> r = readers.getOrDefault(v, List.of());
    return r.size() == 1 && r.get(0) == n && !graph.outputs().contains(v);
  }

  String unique(String base) {
    String n = base;
    for (int i = 1; !names.add(n); i++) {
      n = base + "_" + i;
    }
    return n;
  }

  /**
   * Installs the node list with each {@code replaced} node (a QuantizeLinear) swapped for its
   * fused node, drops the {@code removed} ones, then drops DequantizeLinear nodes nothing reads.
   */
  void install(Map<Node, Node> replaced, Set<Node> removed) {
    List<Node> out = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (removed.contains(n)) {
        continue;
      }
      out.add(replaced.getOrDefault(n, n));
    }
    Set<Value> read = Collections.newSetFromMap(new IdentityHashMap<>());
    out.forEach(n -> read.addAll(GraphChecker.readValues(n)));
    read.addAll(graph.outputs());
    out.removeIf(n -> n.opType().equals("DequantizeLinear") && n.domain().isEmpty()
        && !read.contains(n.output(0)));
    graph.setNodes(out);
    Set<Value> stillRead = Collections.newSetFromMap(new IdentityHashMap<>());
    out.forEach(n -> stillRead.addAll(GraphChecker.readValues(n)));
    stillRead.addAll(graph.outputs());
    stillRead.addAll(graph.inputs());
    graph.initializers().removeIf(v -> !stillRead.contains(v));
  }
}
