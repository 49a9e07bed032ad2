package dev.vireo.quantize;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dynamic quantization in standard ONNX: each MatMul or Gemm whose B is a constant 2-D float
 * weight becomes, with {@link QuantizeOptions.Activations#PER_TENSOR} activations,
 *
 * <pre>
 *   a_q, a_scale, a_zp = DynamicQuantizeLinear(A)          (one per distinct A)
 *   y = Cast&lt;float&gt;(MatMulInteger(a_q, B_q, a_zp, B_zp)) * (a_scale * B_scale)  [+ beta * C]
 * </pre>
 *
 * and with {@link QuantizeOptions.Activations#PER_ROW} activations (one scale per row of A, that
 * is per token of a transformer; see {@link PerRowActivations})
 *
 * <pre>
 *   a_scale = max(ReduceMax(|A|, axis -1), tiny) / 127     (one per distinct A)
 *   a_q = Cast&lt;uint8&gt;(Round(A / a_scale) + 128)
 *   y = Cast&lt;float&gt;(MatMulInteger(a_q, B_q, 128, B_zp)) * a_scale * B_scale  [+ beta * C]
 * </pre>
 *
 * with B quantized to int8 symmetrically, per tensor or per column; a Gather from a constant
 * float table (an embedding) reads an int8 table and dequantizes the gathered rows. The last node
 * writes the original output value, so names of graph outputs and downstream reads are kept.
 */
final class DynamicQuantizer {
  private final QuantizeOptions options;
  private int rewritten;

  DynamicQuantizer(QuantizeOptions options) {
    this.options = options;
  }

  /** Rewrites {@code model}'s main graph in place; returns how many nodes were quantized. */
  int apply(Model model) {
    int opset = model.opset("");
    if (opset < 11) {
      throw new IllegalArgumentException("dynamic quantization needs ai.onnx opset >= 11 "
          + "(DynamicQuantizeLinear); the model imports opset " + opset);
    }
    GraphEditor ed = new GraphEditor(model.graph(), opset);
    Map<Value, Value[]> quantizedInputs = new IdentityHashMap<>();
    for (Node n : List.copyOf(model.graph().nodes())) {
      if (isGatherOfTable(n)) {
        gatherQuantized(ed, n);
        rewritten++;
        continue;
      }
      Tensor weight = weightOf(n);
      if (weight == null) {
        ed.emitRedirected(n);
        continue;
      }
      Value a = n.input(0);
      boolean perRow = options.activations() == QuantizeOptions.Activations.PER_ROW;
      Value[] aq = quantizedInputs.get(a);
      if (aq == null) {
        aq = perRow ? PerRowActivations.quantize(ed, a) : perTensor(ed, a);
        quantizedInputs.put(a, aq);
      }
      QuantMath.Quantized w = QuantMath.weightInt8(weight, options.perChannel() ? 1 : -1);
      String base = n.output(0).name();
      Value wq = ed.constant(n.input(1).name() + "_quantized", w.data());
      Value ws = ed.constant(n.input(1).name() + "_scale", w.scale());
      Value wz = ed.constant(n.input(1).name() + "_zero_point", w.zeroPoint());
      Value acc = ed.node("MatMulInteger", base + "_int32", List.of(), aq[0], wq, aq[2], wz);
      Value accf = ed.node("Cast", base + "_float", List.of(Attribute.of("to", (long) DType.FLOAT.onnxCode())), acc);
      // per row: a_scale [.., M, 1] and B_scale [N] broadcast separately, never as an [M, N] product
      Value scale = perRow ? ws : ed.node("Mul", base + "_scale", List.of(), aq[1], ws);
      Value scaled = perRow ? ed.node("Mul", base + "_row_scaled", List.of(), accf, aq[1]) : accf;
      Tensor bias = n.opType().equals("Gemm") ? gemmBias(n) : null;
      if (bias == null) {
        ed.node("Mul", List.of(n.output(0)), List.of(), scaled, scale);
      } else {
        Value y = ed.node("Mul", base + "_unbiased", List.of(), scaled, scale);
        ed.node("Add", List.of(n.output(0)), List.of(), y, ed.constant(base + "_bias", bias));
      }
      rewritten++;
    }
    ed.finish();
    return rewritten;
  }

  /** {quantized, scale, zero point} of A from DynamicQuantizeLinear: one uint8 range per tensor. */
  private static Value[] perTensor(GraphEditor ed, Value a) {
    Value q = new Value(ed.unique(a.name() + "_quantized"), null);
    Value s = new Value(ed.unique(a.name() + "_scale"), null);
    Value z = new Value(ed.unique(a.name() + "_zero_point"), null);
    ed.node("DynamicQuantizeLinear", List.of(q, s, z), List.of(), a);
    return new Value[] {q, s, z};
  }

  /** A Gather from a constant float table (an embedding), not excluded. */
  private boolean isGatherOfTable(Node n) {
    Value data = n.input(0);
    return n.domain().isEmpty() && n.opType().equals("Gather") && !options.excludeOpTypes().contains("Gather")
        && !options.excludeNodes().contains(n.name()) && data != null && data.initializer() != null
        && data.initializer().dtype() == DType.FLOAT && data.initializer().size() > 1;
  }

  /**
   * Gathers rows of the int8 table, then dequantizes only those. With one scale for the table:
   * {@code DequantizeLinear(Gather(table_q, indices), scale, 0)}; per channel (a 2-D table
   * gathered along axis 0, one scale per row): {@code Cast<float>(Gather(table_q, indices)) *
   * Gather(scales[V,1], indices)}.
   */
  private void gatherQuantized(GraphEditor ed, Node n) {
    Tensor data = n.input(0).initializer();
    boolean perRow = options.perChannel() && data.rank() == 2 && n.attrInt("axis", 0) == 0;
    QuantMath.Quantized t = QuantMath.weightInt8(data, perRow ? 0 : -1);
    String base = n.input(0).name();
    Value table = ed.constant(base + "_quantized", t.data());
    Value rows = ed.node("Gather", n.output(0).name() + "_quantized", List.copyOf(n.attributes().values()),
        table, n.input(1));
    if (!perRow) {
      ed.node("DequantizeLinear", List.of(n.output(0)), List.of(), rows,
          ed.constant(base + "_scale", t.scale()), ed.constant(base + "_zero_point", t.zeroPoint()));
      return;
    }
    Value rowsF = ed.node("Cast", n.output(0).name() + "_int8_float",
        List.of(Attribute.of("to", (long) DType.FLOAT.onnxCode())), rows);
    Value scales = ed.constant(base + "_scale", t.scale().reshape(Shape.of(t.scale().size(), 1)));
    Value rowScales = ed.node("Gather", n.output(0).name() + "_scale", List.of(), scales, n.input(1));
    ed.node("Mul", List.of(n.output(0)), List.of(), rowsF, rowScales);
  }

  /** B as a [K, N] float weight when n can be rewritten; null otherwise. */
  private Tensor weightOf(Node n) {
    if (!n.domain().isEmpty() || options.excludeOpTypes().contains(n.opType())
        || options.excludeNodes().contains(n.name())) {
      return null;
    }
    boolean gemm = n.opType().equals("Gemm");
    if (!gemm && !n.opType().equals("MatMul")) {
      return null;
    }
    Value a = n.input(0);
    Value b = n.input(1);
    if (a == null || b == null || a.initializer() != null || !isFloat(a) || b.initializer() == null
        || b.initializer().dtype() != DType.FLOAT || b.initializer().rank() != 2) {
      return null;
    }
    if (!gemm) {
      return b.initializer();
    }
    if (n.attrInt("transA", 0) != 0 || n.attrFloat("alpha", 1f) != 1f
        || (n.input(2) != null && gemmBias(n) == null)) {
      return null;
    }
    return n.attrInt("transB", 0) != 0 ? transpose(b.initializer()) : b.initializer();
  }

  /** beta * C for a Gemm with a constant float C; null when C is absent or not constant. */
  private static Tensor gemmBias(Node n) {
    Value c = n.input(2);
    if (c == null || c.initializer() == null || c.initializer().dtype() != DType.FLOAT) {
      return null;
    }
    float beta = n.attrFloat("beta", 1f);
    float[] x = c.initializer().toFloatArray();
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = beta * x[i];
    }
    return Tensor.wrap(DType.FLOAT, c.initializer().shape(), y);
  }

  private static boolean isFloat(Value v) {
    return v.tensorType() != null && v.tensorType().elemType() == DType.FLOAT;
  }

  static Tensor transpose(Tensor t) {
    int r = t.shape().dim(0);
    int c = t.shape().dim(1);
    float[] x = t.toFloatArray();
    float[] y = new float[x.length];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        y[j * r + i] = x[i * c + j];
      }
    }
    return Tensor.wrap(DType.FLOAT, Shape.of(c, r), y);
  }
}
