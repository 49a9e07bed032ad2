package dev.vireo.optimize.qdq;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.kernel.quant.RowQuantizeKernel;
import dev.vireo.op.vireo.VireoOps;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fuses the per-row dynamic quantization that {@code vireo quantize --mode dynamic} writes in
 * standard ops into Vireo's own dev.vireo operators, in two steps:
 *
 * <pre>
 *   scale = Div(Max(ReduceMax(Abs(A), axes=[-1], keepdims=1), MIN_NORMAL), 127)
 *   q     = Cast&lt;uint8&gt;(Add(Round(Div(A, scale)), 128))          → (q, scale) = RowQuantize(A)
 *   y     = Mul(Mul(Cast&lt;float&gt;(MatMulInteger(q, B, 128, b_zp)), scale), b_scale)
 *                                   → y = MatMulIntegerRowScaled(q, B, scale, b_scale, 128, b_zp)
 *   Add(y, bias)                     → MatMulIntegerRowScaled(q, B, scale, b_scale, 128, b_zp, bias)
 * </pre>
 *
 * <p>Every quantize block is fused first (it may feed several MatMulIntegers: Q, K and V read
 * one A), then each tail that reads a RowQuantize output. Both fused kernels compute the same
 * float32 operations in the same order, so results are bit-identical for finite A. A match
 * needs the exact constants, A float, B a constant 2-D matrix, b_scale a constant with one
 * element or one per column, a bias (when one is added) a constant float vector of one per
 * column whose sum no Gelu or residual Add reads (BiasGelu and SkipLayerNormalization take that
 * Add), and intermediate values read by nothing else (not graph outputs). Not applied to
 * portable models.
 */
public final class RowQuantizedMatMulFusion implements GraphPass {
  @Override
  public String name() {
    return "row-quantized-matmul-fusion";
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
    int changed = ed.rewriteEach("Cast", cast -> fuseQuantize(ed, ctx, cast));
    if (changed > 0) {
      changed += ed.rewriteEach("MatMulInteger", mm -> fuseTail(ed, ctx, mm));
    }
    return changed;
  }

  private static boolean fuseQuantize(GraphEditor ed, PassContext ctx, Node cast) {
    if (cast.attrInt("to", -1) != DType.UINT8.onnxCode() || cast.inputs().size() != 1) {
      return false;
    }
    Node add = sole(ed, cast.input(0), "Add");
    if (add == null) {
      return false;
    }
    Value roundedV = otherThanConstant(ed, add, RowQuantizeKernel.ZERO_POINT);
    Node round = sole(ed, roundedV, "Round");
    if (round == null) {
      return false;
    }
    Node ratio = sole(ed, round.input(0), "Div");
    if (ratio == null || ratio.inputs().size() != 2) {
      return false;
    }
    Value a = ratio.input(0);
    Value scale = ratio.input(1);
    Node scaleDiv = producer(ed, scale, "Div");
    if (scaleDiv == null || scaleDiv.inputs().size() != 2
        || !isScalar(ed, scaleDiv.input(1), RowQuantizeKernel.INT8_MAX)) {
      return false;
    }
    Node max = sole(ed, scaleDiv.input(0), "Max");
    if (max == null || max.inputs().size() != 2) {
      return false;
    }
    Node reduce = sole(ed, otherThanConstant(ed, max, RowQuantizeKernel.TINY), "ReduceMax");
    if (reduce == null || !lastAxisKeepDims(ed, reduce)) {
      return false;
    }
    Node abs = sole(ed, reduce.input(0), "Abs");
    if (abs == null || abs.input(0) != a || !isFloat(a) || !readersFollow(ed, scale, ratio, cast)) {
      return false;
    }
    int version = ctx.importDomain(VireoOps.DOMAIN, 1);
    Node fused = new Node(ed.uniqueName(cast.name() + "_row_quantize"), VireoOps.DOMAIN, "RowQuantize",
        version, List.of(a), List.of(cast.output(0), scale), Map.of());
    ed.replace(List.of(abs, reduce, max, scaleDiv, ratio, round, add, cast), List.of(fused));
    return true;
  }

  private static boolean fuseTail(GraphEditor ed, PassContext ctx, Node mm) {
    Node rq = ed.producer(mm.input(0));
    if (rq == null || !rq.domain().equals(VireoOps.DOMAIN) || !rq.opType().equals("RowQuantize")
        || rq.output(0) != mm.input(0) || mm.inputs().size() < 3) {
      return false;
    }
    Tensor aZp = ed.constant(mm.input(2));
    if (aZp == null || aZp.dtype() != DType.UINT8 || aZp.size() != 1
        || aZp.getLong(0) != RowQuantizeKernel.ZERO_POINT) {
      return false;
    }
    Tensor b = ed.constant(mm.input(1));
    if (b == null || b.rank() != 2) {
      return false;
    }
    Node cast = reader(ed, mm.output(0), "Cast");
    if (cast == null || cast.attrInt("to", -1) != DType.FLOAT.onnxCode()) {
      return false;
    }
    Node rowMul = reader(ed, cast.output(0), "Mul");
    if (rowMul == null || rowMul.inputs().size() != 2 || rowMul.input(0) != cast.output(0)
        || rowMul.input(1) != rq.output(1)) {
      return false;
    }
    Node colMul = reader(ed, rowMul.output(0), "Mul");
    if (colMul == null || colMul.inputs().size() != 2 || colMul.input(0) != rowMul.output(0)) {
      return false;
    }
    Tensor bScale = ed.constant(colMul.input(1));
    long n = b.shape().dim(1);
    if (bScale == null || bScale.dtype() != DType.FLOAT || bScale.rank() > 1
        || (bScale.size() != 1 && bScale.size() != n)) {
      return false;
    }
    int version = ctx.importDomain(VireoOps.DOMAIN, 1);
    Value bZp = mm.inputs().size() > 3 ? mm.input(3) : null;
    List<Value> inputs = new ArrayList<>(
        Arrays.asList(mm.input(0), mm.input(1), rq.output(1), colMul.input(1), mm.input(2), bZp));
    List<Node> group = new ArrayList<>(List.of(mm, cast, rowMul, colMul));
    Value out = colMul.output(0);
    Node add = reader(ed, out, "Add");
    if (add != null && add.inputs().size() == 2 && !feedsFusion(ed, add.output(0))) {
      Value bias = add.input(0) == out ? add.input(1) : add.input(0);
      Tensor bv = ed.constant(bias);
      if (bv != null && bv.dtype() == DType.FLOAT && bv.rank() == 1 && bv.size() == n) {
        inputs.add(bias);
        group.add(add);
        out = add.output(0);
      }
    }
    Node fused = new Node(ed.uniqueName(mm.name() + "_row_scaled"), VireoOps.DOMAIN, "MatMulIntegerRowScaled",
        version, inputs, List.of(out), Map.of());
    ed.replace(group, List.of(fused));
    return true;
  }

  /**
   * Whether the biased {@code v} is read by a com.microsoft Gelu or FastGelu (BiasGeluFusion makes
   * one BiasGelu of the bias Add and it) or by a residual Add (SkipLayerNormFusion takes the bias
   * into its SkipLayerNormalization): such bias Adds are left to those fusions, which are faster,
   * and the graph then computes what it computes without this pass.
   */
  private static boolean feedsFusion(GraphEditor ed, Value v) {
    for (Node c : ed.consumers(v)) {
      boolean gelu = c.domain().equals("com.microsoft") && (c.opType().equals("Gelu") || c.opType().equals("FastGelu"));
      if (gelu || (c.domain().isEmpty() && c.opType().equals("Add"))) {
        return true;
      }
    }
    return false;
  }

  /** The only reader of {@code v}, when it is a default-domain {@code op} and v no graph output. */
  private static Node reader(GraphEditor ed, Value v, String op) {
    if (v == null || !ed.hasSingleUse(v)) {
      return null;
    }
    Node c = ed.consumers(v).get(0);
    return c.domain().isEmpty() && c.opType().equals(op) ? c : null;
  }

  /** The producer of {@code v}, when it is a default-domain {@code op} and v has no other use. */
  private static Node sole(GraphEditor ed, Value v, String op) {
    if (v == null || !ed.hasSingleUse(v)) {
      return null;
    }
    Node p = ed.producer(v);
    return p != null && p.domain().isEmpty() && p.opType().equals(op) ? p : null;
  }

  private static Node producer(GraphEditor ed, Value v, String op) {
    Node p = v == null ? null : ed.producer(v);
    return p != null && p.domain().isEmpty() && p.opType().equals(op) ? p : null;
  }

  /** The input of binary {@code n} that is not the float scalar constant {@code c}, or null. */
  private static Value otherThanConstant(GraphEditor ed, Node n, float c) {
    if (n.inputs().size() != 2) {
      return null;
    }
    for (int i = 0; i < 2; i++) {
      if (isScalar(ed, n.input(1 - i), c)) {
        return n.input(i);
      }
    }
    return null;
  }

  private static boolean isScalar(GraphEditor ed, Value v, float c) {
    Tensor t = ed.constant(v);
    return t != null && t.dtype() == DType.FLOAT && t.size() == 1
        && Float.floatToIntBits(t.floats()[0]) == Float.floatToIntBits(c);
  }

  /** ReduceMax over the last axis only (attribute or, from opset 18, input), keeping dims. */
  private static boolean lastAxisKeepDims(GraphEditor ed, Node reduce) {
    if (reduce.attrInt("keepdims", 1) != 1 || reduce.attrInt("noop_with_empty_axes", 0) != 0) {
      return false;
    }
    long[] axes;
    if (reduce.inputs().size() > 1 && reduce.input(1) != null) {
      Tensor t = ed.constant(reduce.input(1));
      if (t == null || t.size() != 1 || reduce.hasAttr("axes")) {
        return false;
      }
      axes = new long[] {t.getLong(0)};
    } else {
      axes = reduce.attrInts("axes", null);
    }
    if (axes == null || axes.length != 1) {
      return false;
    }
    var type = GraphEditor.tensorType(reduce.input(0));
    int rank = type == null || type.dims() == null ? -1 : type.dims().size();
    return axes[0] == -1 || (rank > 0 && axes[0] == rank - 1);
  }

  /**
   * Whether every reader of the scale other than the ratio Div comes after the Cast, where the
   * fused node will stand (the replacement takes the place of the group's last node).
   */
  private static boolean readersFollow(GraphEditor ed, Value scale, Node ratio, Node cast) {
    List<Node> nodes = ed.nodes();
    int at = nodes.indexOf(cast);
    for (Node c : ed.consumers(scale)) {
      if (c != ratio && nodes.indexOf(c) < at) {
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
