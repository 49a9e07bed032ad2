package dev.vireo.optimize.transformer;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses BERT-style multi-head self-attention, as PyTorch exports it, into com.microsoft
 * Attention:
 *
 * <pre>
 *   q = Transpose[0,2,1,3](Reshape(Add(MatMul(x, Wq), bq), [B, S, N, h]))     likewise v
 *   k = Transpose[0,2,3,1](Reshape(Add(MatMul(x, Wk), bk), [B, S, N, h]))
 *   p = Softmax(Div(MatMul(q, k), c) (+ maskAdd), axis=-1)       (or Mul by c, or no scaling)
 *   y = Reshape(Transpose[0,2,1,3](MatMul(p, v)), [B, S, N·h])
 * </pre>
 *
 * with maskAdd the usual pre-processing of a 2-D attention mask m: {@code Mul(Sub(1,
 * Cast<float>(Unsqueeze(m, [1, 2]))), f)} (the unsqueeze may be split in two). The fused node
 * reads x, the packed weights {@code [Wq | Wk | Wv]}, the packed bias, and {@code Cast<int32>(m)}
 * as a raw mask with mask_filter_value f.
 *
 * <p>Preconditions: the three projections read the same x; weights are 2-D float constants of
 * the same shape {@code [hidden_in, H]} and biases 1-D of H; the reshape targets are constants or
 * Concats of (dim 0 of a tensor, dim 1 of a tensor, N, h) with {@code N·h = H} (the final one
 * (dim 0, dim 1, H)); the scale is a float scalar constant; the intermediates are read only
 * inside the pattern (the projections also by the Shape nodes computing the reshape targets).
 */
public final class AttentionFusion implements GraphPass {
  @Override
  public String name() {
    return "attention-fusion";
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
    Map<Value, Value> int32Masks = new IdentityHashMap<>();
    return ed.rewriteEach("Softmax", n -> fuse(ed, ctx, n, int32Masks));
  }

  /** One projection: x·W + b. */
  private record Projection(Value x, Tensor w, Tensor b) {}

  private static boolean fuse(GraphEditor ed, PassContext ctx, Node softmax, Map<Value, Value> int32Masks) {
    boolean axisOk = softmax.hasAttr("axis")
        ? softmax.attrInt("axis", 0) == 3 || softmax.attrInt("axis", 0) == -1
        : softmax.opset() >= 13;
    if (!axisOk || Match.rank(softmax.input(0)) != 4 && Match.rank(softmax.input(0)) != -1) {
      return false;
    }
    // scores (+ mask)
    Value scores = softmax.input(0);
    Value mask = null;
    Float filter = null;
    Node maskAdd = Match.producer(ed, scores, "Add");
    if (maskAdd != null && ed.hasSingleUse(scores)) {
      for (int i = 0; i < 2 && mask == null; i++) {
        Value m = maskAdd.input(i);
        Float f = maskFilter(ed, m);
        Value raw = f == null ? null : rawMask(ed, m);
        if (raw != null) {
          mask = raw;
          filter = f;
          scores = maskAdd.input(1 - i);
        }
      }
      if (mask == null) {
        return false;
      }
    }
    // scale
    float scale = 1f;
    Node qk = Match.producer(ed, scores, "MatMul");
    if (qk == null) {
      Node s = ed.producer(scores);
      if (s == null || !s.domain().isEmpty() || !ed.hasSingleUse(scores)) {
        return false;
      }
      Float c = Match.scalar(ed, s.input(1));
      if (c == null || c == 0f || !(s.opType().equals("Div") || s.opType().equals("Mul"))) {
        return false;
      }
      scale = s.opType().equals("Div") ? 1f / c : c;
      qk = Match.producer(ed, s.input(0), "MatMul");
      if (qk == null || !ed.hasSingleUse(s.input(0))) {
        return false;
      }
    } else if (!ed.hasSingleUse(scores)) {
      return false;
    }
    int[] qHeads = new int[2];
    int[] kHeads = new int[2];
    int[] vHeads = new int[2];
    Projection q = headsInput(ed, qk.input(0), new long[] {0, 2, 1, 3}, qHeads);
    Projection k = headsInput(ed, qk.input(1), new long[] {0, 2, 3, 1}, kHeads);
    Node pv = Match.onlyConsumer(ed, softmax.output(0), "MatMul");
    if (q == null || k == null || pv == null || pv.input(0) != softmax.output(0)) {
      return false;
    }
    Projection v = headsInput(ed, pv.input(1), new long[] {0, 2, 1, 3}, vHeads);
    if (v == null || q.x != k.x || q.x != v.x || qHeads[0] != kHeads[0] || qHeads[1] != kHeads[1]
        || qHeads[0] != vHeads[0] || qHeads[1] != vHeads[1]) {
      return false;
    }
    int heads = qHeads[0];
    int hidden = heads * qHeads[1];
    int hiddenIn = q.w.shape().dim(0);
    for (Projection p : List.of(q, k, v)) {
      if (p.w.shape().dim(0) != hiddenIn || p.w.shape().dim(1) != hidden || p.b.size() != hidden) {
        return false;
      }
    }
    // output: Reshape(Transpose[0,2,1,3](pv), [B, S, H])
    Node tOut = Match.onlyConsumer(ed, pv.output(0), "Transpose");
    if (tOut == null || !perm(tOut, 0, 2, 1, 3)) {
      return false;
    }
    Node rOut = readerBesidesShapes(ed, tOut.output(0), "Reshape");
    if (rOut == null || rOut.input(0) != tOut.output(0) || !isMergeHeadsTarget(ed, rOut.input(1), hidden)
        || rOut.attrInt("allowzero", 0) != 0) {
      return false;
    }
    // packed weights and bias
    float[] w = new float[hiddenIn * 3 * hidden];
    float[] b = new float[3 * hidden];
    Projection[] ps = {q, k, v};
    for (int j = 0; j < 3; j++) {
      float[] pw = ps[j].w.floats();
      for (int r = 0; r < hiddenIn; r++) {
        System.arraycopy(pw, r * hidden, w, r * 3 * hidden + j * hidden, hidden);
      }
      System.arraycopy(ps[j].b.floats(), 0, b, j * hidden, hidden);
    }
    String base = softmax.name() + "_Attention";
    Value wv = ed.addInitializer(base + "_qkv_weight", Tensor.wrap(DType.FLOAT, Shape.of(hiddenIn, 3 * hidden), w));
    Value bv = ed.addInitializer(base + "_qkv_bias", Tensor.wrap(DType.FLOAT, Shape.of(3 * hidden), b));
    List<Node> nodes = new ArrayList<>();
    List<Value> ins = new ArrayList<>(List.of(q.x, wv, bv));
    List<Attribute> attrs = new ArrayList<>();
    attrs.add(Attribute.of("num_heads", (long) heads));
    attrs.add(Attribute.of("scale", scale));
    if (mask != null) {
      Value m32 = int32Masks.get(mask);
      if (m32 == null) {
        m32 = ed.newValue(mask.name() + "_int32", maskType(mask));
        Map<String, Attribute> to = Map.of("to", Attribute.of("to", (long) DType.INT32.onnxCode()));
        nodes.add(new Node(ed.uniqueName(mask.name() + "_CastInt32"), Node.ONNX_DOMAIN, "Cast",
            ctx.opset(Node.ONNX_DOMAIN), List.of(mask), List.of(m32), to));
        int32Masks.put(mask, m32);
      }
      ins.add(m32);
      attrs.add(Attribute.of("mask_filter_value", filter));
    }
    Value y = ed.newValue(rOut.output(0).name() + "_attn", rOut.output(0).type());
    nodes.add(Match.msNode(ed, ctx, "Attention", base, ins, List.of(y), attrs));
    Match.replaceLast(ed, rOut, nodes, y);
    return true;
  }

  private static TensorType maskType(Value mask) {
    TensorType t = mask.tensorType();
    return new TensorType(DType.INT32, t == null ? null : t.dims());
  }

  /**
   * Matches {@code Transpose[perm](Reshape(Add(MatMul(x, W), b), [B, S, N, h]))} and stores N and
   * h in {@code heads}; returns the projection or null.
   */
  private static Projection headsInput(GraphEditor ed, Value v, long[] perm, int[] heads) {
    Node t = Match.producer(ed, v, "Transpose");
    if (t == null || !ed.hasSingleUse(v) || !perm(t, perm)) {
      return null;
    }
    Node r = Match.producer(ed, t.input(0), "Reshape");
    if (r == null || !ed.hasSingleUse(t.input(0)) || r.attrInt("allowzero", 0) != 0) {
      return null;
    }
    long[] nh = splitHeadsTarget(ed, r.input(1));
    Node add = Match.producer(ed, r.input(0), "Add");
    if (nh == null || add == null || add.inputs().size() != 2) {
      return null;
    }
    if (readerBesidesShapes(ed, add.output(0), "Reshape") != r) {
      return null;
    }
    int bi = Match.vector(ed, add.input(0), -1) != null ? 0 : 1;
    Tensor bias = Match.vector(ed, add.input(bi), nh[0] * nh[1]);
    Node mm = Match.producer(ed, add.input(1 - bi), "MatMul");
    if (bias == null || mm == null || !ed.hasSingleUse(add.input(1 - bi))) {
      return null;
    }
    Tensor w = ed.constant(mm.input(1));
    if (w == null || w.dtype() != DType.FLOAT || w.rank() != 2 || w.shape().dim(1) != nh[0] * nh[1]
        || Match.rank(mm.input(0)) != 3 || Match.lastDim(mm.input(0)) != w.shape().dim(0)) {
      return null;
    }
    heads[0] = (int) nh[0];
    heads[1] = (int) nh[1];
    return new Projection(mm.input(0), w, bias);
  }

  /**
   * The one reader of {@code v} of type {@code op} when every other reader is a Shape node (those
   * compute reshape targets and die with the pattern) and v is no graph output; else null.
   */
  private static Node readerBesidesShapes(GraphEditor ed, Value v, String op) {
    if (ed.isGraphOutput(v)) {
      return null;
    }
    Node found = null;
    for (Node c : ed.consumers(v)) {
      if (!c.domain().isEmpty()) {
        return null;
      }
      if (c.opType().equals(op) && found == null) {
        found = c;
      } else if (!c.opType().equals("Shape")) {
        return null;
      }
    }
    return found;
  }

  /** N and h of a reshape target (B, S, N, h), or null. */
  private static long[] splitHeadsTarget(GraphEditor ed, Value shape) {
    Tensor c = ed.constant(shape);
    if (c != null) {
      long[] s = c.toLongArray();
      return s.length == 4 && s[0] == 0 && s[1] == 0 && s[2] > 0 && s[3] > 0 ? new long[] {s[2], s[3]} : null;
    }
    Node concat = Match.producer(ed, shape, "Concat");
    if (concat == null || concat.inputs().size() != 4 || !leadingDims(ed, concat)) {
      return null;
    }
    Long n = single(ed, concat.input(2));
    Long h = single(ed, concat.input(3));
    return n != null && h != null && n > 0 && h > 0 ? new long[] {n, h} : null;
  }

  /** Whether a reshape target is (B, S, hidden) merging the heads back. */
  private static boolean isMergeHeadsTarget(GraphEditor ed, Value shape, int hidden) {
    Tensor c = ed.constant(shape);
    if (c != null) {
      long[] s = c.toLongArray();
      return s.length == 3 && s[0] == 0 && s[1] == 0 && s[2] == hidden;
    }
    Node concat = Match.producer(ed, shape, "Concat");
    if (concat == null || concat.inputs().size() != 3 || !leadingDims(ed, concat)) {
      return false;
    }
    Long h = single(ed, concat.input(2));
    return h != null && h == hidden;
  }

  /** Concat inputs 0 and 1 are dims 0 and 1 of a rank-3 or rank-4 tensor (Unsqueeze(Gather(Shape(t), i))). */
  private static boolean leadingDims(GraphEditor ed, Node concat) {
    if (concat.attrInt("axis", 0) != 0) {
      return false;
    }
    for (int i = 0; i < 2; i++) {
      Node u = Match.producer(ed, concat.input(i), "Unsqueeze");
      if (u == null) {
        return false;
      }
      long[] axes = u.hasAttr("axes") ? u.attrInts("axes", null)
          : u.input(1) == null || ed.constant(u.input(1)) == null ? null : ed.constant(u.input(1)).toLongArray();
      Node g = Match.producer(ed, u.input(0), "Gather");
      Node s = g == null ? null : Match.producer(ed, g.input(0), "Shape");
      Long idx = g == null ? null : single(ed, g.input(1));
      if (axes == null || axes.length != 1 || axes[0] != 0 || s == null || idx == null || idx != i
          || g.attrInt("axis", 0) != 0 || s.hasAttr("start") || s.hasAttr("end")
          || (Match.rank(s.input(0)) != 3 && Match.rank(s.input(0)) != 4)) {
        return false;
      }
    }
    return true;
  }

  /** The value of a one-element integer constant, or null. */
  private static Long single(GraphEditor ed, Value v) {
    Tensor t = ed.constant(v);
    if (t == null || t.size() != 1 || (t.dtype() != DType.INT64 && t.dtype() != DType.INT32)) {
      return null;
    }
    return t.getLong(0);
  }

  private static boolean perm(Node t, long... want) {
    return java.util.Arrays.equals(t.attrInts("perm", null), want);
  }

  /** For {@code Mul(Sub(1, c), f)} (either Mul order), f; else null. */
  private static Float maskFilter(GraphEditor ed, Value m) {
    Node mul = Match.producer(ed, m, "Mul");
    if (mul == null || mul.inputs().size() != 2) {
      return null;
    }
    for (int i = 0; i < 2; i++) {
      Float f = Match.scalar(ed, mul.input(i));
      Node sub = Match.producer(ed, mul.input(1 - i), "Sub");
      if (f != null && sub != null && Match.scalarNear(ed, sub.input(0), 1.0, 0)) {
        return f;
      }
    }
    return null;
  }

  /**
   * For the maskAdd value {@code Mul(Sub(1, Cast<float>(Unsqueeze(m, [1, 2]))), f)}, the 2-D
   * integer mask m; else null.
   */
  private static Value rawMask(GraphEditor ed, Value maskAdd) {
    Node mul = Match.producer(ed, maskAdd, "Mul");
    Node sub = Match.producer(ed, mul.input(0), "Sub");
    if (sub == null) {
      sub = Match.producer(ed, mul.input(1), "Sub");
    }
    Node cast = Match.producer(ed, sub.input(1), "Cast");
    if (cast == null || cast.attrInt("to", 0) != DType.FLOAT.onnxCode()) {
      return null;
    }
    Node u2 = Match.producer(ed, cast.input(0), "Unsqueeze");
    long[] a2 = u2 == null ? null : unsqueezeAxes(ed, u2);
    if (a2 == null) {
      return null;
    }
    Value m;
    if (a2.length == 2 && a2[0] == 1 && a2[1] == 2) {
      m = u2.input(0);
    } else {
      Node u1 = Match.producer(ed, u2.input(0), "Unsqueeze");
      long[] a1 = u1 == null ? null : unsqueezeAxes(ed, u1);
      if (a1 == null || a1.length != 1 || a1[0] != 1 || a2.length != 1 || a2[0] != 2) {
        return null;
      }
      m = u1.input(0);
    }
    TensorType t = m.tensorType();
    if (t == null || !t.hasRank() || t.rank() != 2
        || (t.elemType() != DType.INT64 && t.elemType() != DType.INT32)) {
      return null;
    }
    return m;
  }

  private static long[] unsqueezeAxes(GraphEditor ed, Node u) {
    if (u.hasAttr("axes")) {
      return u.attrInts("axes", null);
    }
    Tensor t = u.input(1) == null ? null : ed.constant(u.input(1));
    return t == null ? null : t.toLongArray();
  }
}
