package dev.vireo.optimize.qdq;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the dynamic-quantization tail {@code Mul(Cast<float>(MatMulInteger(A, B, a_zp, b_zp)),
 * Mul(a_scale, b_scale))} (what onnxruntime's and Vireo's dynamic quantizers emit) into one
 * com.microsoft {@code MatMulIntegerToFloat(A, B, a_scale, b_scale, a_zp, b_zp)}, which scales
 * the int32 products as it writes them instead of materializing an int32 and a float copy.
 *
 * <p>Same arithmetic: the kernel multiplies each int32 result, converted to float, by the float
 * product {@code a_scale·b_scale[j]}, as the Cast and the two Muls do. Applies only when a_scale is
 * a per-tensor (one-element) value, b_scale a constant with one element or one per column of a
 * constant 2-D B, and the MatMulInteger and Cast outputs are read by nothing else.
 */
public final class MatMulIntegerToFloatFusion implements GraphPass {
  private static final String MS = "com.microsoft";

  @Override
  public String name() {
    return "matmul-integer-to-float-fusion";
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
    return ed.rewriteEach("MatMulInteger", mm -> fuse(ed, ctx, mm));
  }

  private static boolean fuse(GraphEditor ed, PassContext ctx, Node mm) {
    Value acc = mm.output(0);
    Node cast = single(ed, acc, "Cast");
    if (cast == null || cast.attrInt("to", -1) != DType.FLOAT.onnxCode()) {
      return false;
    }
    Node mul = single(ed, cast.output(0), "Mul");
    if (mul == null || mul.inputs().size() != 2) {
      return false;
    }
    Value scales = mul.input(0) == cast.output(0) ? mul.input(1) : mul.input(0);
    Node scaleMul = ed.producer(scales);
    if (scaleMul == null || !scaleMul.opType().equals("Mul") || !scaleMul.domain().isEmpty()
        || scaleMul.inputs().size() != 2) {
      return false;
    }
    Tensor b = ed.constant(mm.input(1));
    if (b == null || b.rank() != 2) {
      return false;
    }
    long n = b.shape().dim(1);
    Value aScale = null;
    Value bScale = null;
    for (int i = 0; i < 2; i++) {
      Value p = scaleMul.input(i);
      Value q = scaleMul.input(1 - i);
      Tensor qc = ed.constant(q);
      if (oneElement(p) && qc != null && qc.dtype() == DType.FLOAT && qc.rank() <= 1
          && (qc.size() == 1 || qc.size() == n)) {
        aScale = p;
        bScale = q;
        break;
      }
    }
    if (aScale == null || !isFloat(aScale)) {
      return false;
    }
    int version = ctx.importDomain(MS, 1);
    Value aZp = mm.inputs().size() > 2 ? mm.input(2) : null;
    Value bZp = mm.inputs().size() > 3 ? mm.input(3) : null;
    List<Value> inputs = Arrays.asList(mm.input(0), mm.input(1), aScale, bScale, aZp, bZp);
    Node fusedNode = new Node(ed.uniqueName(mm.name() + "_to_float"), MS, "MatMulIntegerToFloat", version,
        inputs, List.of(mul.output(0)), Map.of());
    ed.replace(List.of(mm, cast, mul), List.of(fusedNode));
    return true;
  }

  /** The only reader of {@code v}, when it is a default-domain {@code op} and v is no graph output. */
  private static Node single(GraphEditor ed, Value v, String op) {
    if (v == null || !ed.hasSingleUse(v) || ed.isGraphOutput(v)) {
      return null;
    }
    Node c = ed.consumers(v).get(0);
    return c.domain().isEmpty() && c.opType().equals(op) ? c : null;
  }

  private static boolean oneElement(Value v) {
    var t = GraphEditor.tensorType(v);
    if (t == null || t.dims() == null) {
      return false;
    }
    for (var d : t.dims()) {
      if (!d.isKnown() || d.value() != 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFloat(Value v) {
    var t = GraphEditor.tensorType(v);
    return t != null && t.elemType() == DType.FLOAT;
  }
}
