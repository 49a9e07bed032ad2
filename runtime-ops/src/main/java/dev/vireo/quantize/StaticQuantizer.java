package dev.vireo.quantize;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.quantize.calibrate.Range;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static quantization to QDQ form. Every float activation read or written by a quantized node
 * gets one QuantizeLinear → DequantizeLinear pair (uint8, calibrated range) right after it is
 * produced, and every reader takes the dequantized value; weights of Conv, MatMul and Gemm
 * become int8 initializers behind a DequantizeLinear (per tensor or per output channel); biases
 * of Conv and Gemm become int32 with scale {@code x_scale * w_scale}, zero point 0.
 *
 * <p>A Conv, MatMul or Gemm whose output is read only by a quantized Relu or Clip (and is no
 * graph output) gets no pair on that output: the activation's output pair quantizes both. Its
 * calibrated range lies inside the clamp's bounds and is widened to include 0, so for a Relu (or
 * a Clip from 0, such as Relu6) the QuantizeLinear saturates exactly where the clamp does and the
 * integer fusions absorb it (QLinearConv with the clamp in its saturation). This is the "Conv +
 * Relu" fusion of the float optimizer, done in quantized form; it also spends the 256 levels on
 * the clamped range only, not on the negative values the clamp throws away.
 *
 * <p>Use: {@link #activations} names the tensors to calibrate, then {@link #apply} rewrites the
 * graph with their ranges.
 */
final class StaticQuantizer {
  /** Op types quantized, and which of their inputs are activations. */
  private static final Set<String> ALL_INPUTS = Set.of("Add", "Mul", "Concat");
  private static final Set<String> FIRST_INPUT = Set.of("Conv", "Gemm", "MaxPool", "AveragePool",
      "GlobalAveragePool", "GlobalMaxPool", "Relu", "Clip");
  /** Activations after which a Conv, MatMul or Gemm output gets no pair of its own. */
  private static final Set<String> CLAMPS = Set.of("Relu", "Clip");

  private final QuantizeOptions options;
  private final Model model;
  private final int opset;

  StaticQuantizer(Model model, QuantizeOptions options) {
    this.model = model;
    this.options = options;
    this.opset = model.opset("");
    if (opset < 13) {
      throw new IllegalArgumentException("static quantization needs ai.onnx opset >= 13 (per-axis "
          + "QuantizeLinear/DequantizeLinear); the model imports opset " + opset);
    }
  }

  /** True when the quantizer rewrites n. */
  boolean quantizes(Node n) {
    return n.domain().isEmpty() && (ALL_INPUTS.contains(n.opType()) || FIRST_INPUT.contains(n.opType())
        || n.opType().equals("MatMul"))
        && !options.excludeOpTypes().contains(n.opType()) && !options.excludeNodes().contains(n.name())
        && n.output(0) != null && isFloat(n.output(0));
  }

  /** The float activations (non-constant inputs and first outputs) of quantized nodes, in graph order. */
  List<Value> activations() {
    Set<Value> fused = fusedIntoRelu();
    Set<Value> seen = new LinkedHashSet<>();
    for (Node n : model.graph().nodes()) {
      if (!quantizes(n)) {
        continue;
      }
      for (int i : activationInputs(n)) {
        if (!fused.contains(n.input(i))) {
          seen.add(n.input(i));
        }
      }
      if (!fused.contains(n.output(0))) {
        seen.add(n.output(0));
      }
    }
    return new ArrayList<>(seen);
  }

  /**
   * {@link #activations()} and the first output of every quantized node: the tensors whose ranges
   * cover any choice of further excluded nodes (excluding a Relu gives the Conv before it a pair).
   */
  List<Value> activationsUnderExclusions() {
    Set<Value> all = new LinkedHashSet<>(activations());
    for (Node n : model.graph().nodes()) {
      if (quantizes(n)) {
        all.add(n.output(0));
      }
    }
    return new ArrayList<>(all);
  }

  /** Outputs of quantized Conv, MatMul and Gemm nodes that only a quantized Relu or Clip reads. */
  private Set<Value> fusedIntoRelu() {
    Set<Value> fused = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    clampedProducers().keySet().forEach(n -> fused.add(n.output(0)));
    return fused;
  }

  /**
   * Each quantized Conv, MatMul or Gemm whose output only a quantized Relu or Clip reads (and is
   * no graph output), mapped to that Relu or Clip: the two share one QuantizeLinear pair.
   */
  Map<Node, Node> clampedProducers() {
    Map<Value, List<Node>> readers = new IdentityHashMap<>();
    for (Node n : model.graph().nodes()) {
      for (Value v : dev.vireo.ir.GraphChecker.readValues(n)) {
        readers.computeIfAbsent(v, k -> new ArrayList<>()).add(n);
      }
    }
    Map<Node, Node> r = new IdentityHashMap<>();
    for (Node n : model.graph().nodes()) {
      if (!quantizes(n) || !Set.of("Conv", "MatMul", "Gemm").contains(n.opType())) {
        continue;
      }
      Value out = n.output(0);
      List<Node> rs = readers.getOrDefault(out, List.of());
      if (rs.size() == 1 && CLAMPS.contains(rs.get(0).opType()) && quantizes(rs.get(0))
          && !model.graph().outputs().contains(out)) {
        r.put(n, rs.get(0));
      }
    }
    return r;
  }

  private List<Integer> activationInputs(Node n) {
    List<Integer> r = new ArrayList<>();
    int last = ALL_INPUTS.contains(n.opType()) ? n.inputs().size() : n.opType().equals("MatMul") ? 2 : 1;
    for (int i = 0; i < last; i++) {
      Value v = n.input(i);
      if (v != null && v.initializer() == null && isFloat(v)) {
        r.add(i);
      }
    }
    return r;
  }

  /** Rewrites the graph with the calibrated ranges of {@link #activations()}; returns quantized nodes. */
  int apply(Map<String, Range> ranges) {
    GraphEditor ed = new GraphEditor(model.graph(), opset);
    Map<Value, Tensor[]> params = new IdentityHashMap<>();
    for (Value v : activations()) {
      Range r = ranges.get(v.name());
      if (r == null) {
        throw new IllegalStateException("no calibrated range for '" + v.name() + "'");
      }
      params.put(v, QuantMath.activationUint8(r));
    }
    for (Value in : model.graph().inputs()) {
      if (params.containsKey(in)) {
        quantizeDequantize(ed, in, params.get(in));
      }
    }
    Map<String, Value> weightCache = new HashMap<>();
    int count = 0;
    for (Node n : List.copyOf(model.graph().nodes())) {
      if (quantizes(n)) {
        ed.emitWith(n, constantInputs(ed, n, params, weightCache));
        count++;
      } else {
        ed.emitRedirected(n);
      }
      for (Value out : n.outputs()) {
        if (out != null && params.containsKey(out)) {
          quantizeDequantize(ed, out, params.get(out));
        }
      }
    }
    ed.finish();
    return count;
  }

  private static void quantizeDequantize(GraphEditor ed, Value v, Tensor[] sz) {
    Value scale = ed.constant(v.name() + "_scale", sz[0]);
    Value zp = ed.constant(v.name() + "_zero_point", sz[1]);
    Value q = ed.node("QuantizeLinear", v.name() + "_quantized", List.of(), v, scale, zp);
    Value dq = ed.node("DequantizeLinear", v.name() + "_dequantized", List.of(), q, scale, zp);
    ed.redirect(v, dq);
  }

  /** Dequantized int8 weight (input 1) and int32 bias (input 2) of Conv, MatMul and Gemm. */
  private Map<Integer, Value> constantInputs(
      GraphEditor ed, Node n, Map<Value, Tensor[]> params, Map<String, Value> cache) {
    Map<Integer, Value> r = new HashMap<>();
    Value w = n.input(1);
    String op = n.opType();
    if (!(op.equals("Conv") || op.equals("MatMul") || op.equals("Gemm")) || w == null
        || w.initializer() == null || w.initializer().dtype() != DType.FLOAT) {
      return r;
    }
    Tensor wt = w.initializer();
    int axis = switch (op) {
      case "Conv" -> 0;
      case "Gemm" -> n.attrInt("transB", 0) != 0 ? 0 : 1;
      default -> wt.rank() == 2 ? 1 : -1;
    };
    if (!options.perChannel()) {
      axis = -1;
    }
    QuantMath.Quantized q = QuantMath.weightInt8(wt, axis);
    String key = w.name() + "@" + axis;
    Value dq = cache.get(key);
    if (dq == null) {
      dq = dequantized(ed, w.name(), q);
      cache.put(key, dq);
    }
    r.put(1, dq);
    Value b = n.input(2);
    if (b == null) {
      return r;
    }
    Tensor[] x = params.get(n.input(0));
    int channels = op.equals("Conv") || n.attrInt("transB", 0) != 0 ? wt.shape().dim(0) : wt.shape().dim(1);
    if (b.initializer() != null && b.initializer().dtype() == DType.FLOAT && x != null
        && b.initializer().rank() == 1 && b.initializer().shape().dim(0) == channels
        && n.attrFloat("alpha", 1f) == 1f && n.attrFloat("beta", 1f) == 1f) {
      float xs = x[0].floats()[0];
      r.put(2, dequantized(ed, b.name(), QuantMath.biasInt32(b.initializer(), xs, q.scale())));
    }
    return r;
  }

  private static Value dequantized(GraphEditor ed, String base, QuantMath.Quantized q) {
    Value data = ed.constant(base + "_quantized", q.data());
    Value scale = ed.constant(base + "_scale", q.scale());
    Value zp = ed.constant(base + "_zero_point", q.zeroPoint());
    List<Attribute> attrs = q.scale().rank() == 0 ? List.of() : List.of(Attribute.of("axis", (long) q.axis()));
    return ed.node("DequantizeLinear", base + "_dequantized", attrs, data, scale, zp);
  }

  private static boolean isFloat(Value v) {
    return v.tensorType() != null && v.tensorType().elemType() == DType.FLOAT;
  }
}
