package dev.vireo.optimize.qdq;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code DequantizeLinear(x) → Conv(·, DequantizeLinear(w) [, bias]) → QuantizeLinear} becomes
 * one {@code QLinearConv}: the convolution accumulates in int32 and requantizes once, with no
 * float tensor in between.
 *
 * <p>Matches when x's scale and zero point are scalars, w's are scalars or one per output channel
 * (axis 0), the QuantizeLinear is the Conv's only reader with scalar parameters, and the bias is
 * either absent, an int32 DequantizeLinear with zero point 0 and scale {@code x_scale * w_scale},
 * or a float constant (then quantized here with that scale, half to even). A Relu or Clip between the
 * Conv and the QuantizeLinear is dropped when that QuantizeLinear's saturation makes it a no-op
 * (see {@link QdqRewrite#absorbs}). Results may differ from
 * the unfused graph by one step of the output type: the fused op rounds once from the exact int32
 * sum, the unfused graph rounds a float32 sum.
 */
public final class QLinearConvFusion implements GraphPass {
  /** Relative difference under which a bias scale counts as {@code x_scale * w_scale}. */
  static final double SCALE_TOLERANCE = 1e-6;

  @Override
  public String name() {
    return "qlinear-conv-fusion";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.EXTENDED;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    QdqRewrite rw = new QdqRewrite(graph);
    Map<Node, Node> replaced = new IdentityHashMap<>();
    Set<Node> removed = new HashSet<>();
    for (Node conv : graph.nodes()) {
      Node fused = match(conv, rw, graph);
      if (fused != null) {
        QdqRewrite.Tail tail = rw.quantizedTail(conv.output(0));
        replaced.put(tail.quantize(), fused);
        removed.add(conv);
        if (tail.clamp() != null) {
          removed.add(tail.clamp());
        }
      }
    }
    if (!replaced.isEmpty()) {
      rw.install(replaced, removed);
    }
    return replaced.size();
  }

  private static Node match(Node conv, QdqRewrite rw, Graph graph) {
    if (!conv.domain().isEmpty() || !conv.opType().equals("Conv") || conv.outputs().size() != 1) {
      return null;
    }
    Dequantized x = Dequantized.of(conv.input(0), false);
    Dequantized w = Dequantized.of(conv.input(1), false);
    if (x == null || w == null || !x.perTensor() || !(w.perTensor() || w.axis() == 0)) {
      return null;
    }
    QdqRewrite.Tail tail = rw.quantizedTail(conv.output(0));
    if (tail == null) {
      return null;
    }
    Node q = tail.quantize();
    Value bias = null;
    if (conv.input(2) != null) {
      bias = bias(conv.input(2), x, w, rw, graph);
      if (bias == null) {
        return null;
      }
    }
    List<Value> in = new ArrayList<>(Arrays.asList(
        x.data(), x.scale(), x.zeroPoint(), w.data(), w.scale(), w.zeroPoint(), q.input(1), q.input(2)));
    if (bias != null) {
      in.add(bias);
    }
    return new Node(conv.name(), Node.ONNX_DOMAIN, "QLinearConv", q.opset(), in, q.outputs(), conv.attributes());
  }

  /**
   * The int32 bias with scale x_scale * w_scale[c], found (an int32 DequantizeLinear with zero
   * point 0 and that scale) or made from a 1-D float constant; null when there is none.
   */
  static Value bias(Value b, Dequantized x, Dequantized w, QdqRewrite rw, Graph graph) {
    float xs = x.scaleTensor().toFloatArray()[0];
    float[] ws = w.scaleTensor().toFloatArray();
    Dequantized dq = Dequantized.of(b, true);
    if (dq != null) {
      if (dq.data().tensorType().elemType() != DType.INT32 || dq.data().initializer() == null) {
        return null;
      }
      for (long z : dq.zeroPoint().initializer().toLongArray()) {
        if (z != 0) {
          return null;
        }
      }
      float[] bs = dq.scaleTensor().toFloatArray();
      int channels = dq.data().initializer().size();
      for (int c = 0; c < channels; c++) {
        double want = (double) xs * ws[ws.length == 1 ? 0 : c];
        double got = bs[bs.length == 1 ? 0 : c];
        if (Math.abs(got - want) > SCALE_TOLERANCE * Math.abs(want)) {
          return null;
        }
      }
      return dq.data();
    }
    Tensor f = b.initializer();
    if (f == null || f.dtype() != DType.FLOAT || f.rank() != 1) {
      return null;
    }
    float[] v = f.floats();
    int[] q = new int[v.length];
    for (int c = 0; c < v.length; c++) {
      float scale = xs * ws[ws.length == 1 ? 0 : c];
      q[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(v[c] / scale)));
    }
    Value qb = new Value(rw.unique(b.name() + "_int32"), null);
    qb.setInitializer(Tensor.wrap(DType.INT32, f.shape(), q));
    graph.initializers().add(qb);
    return qb;
  }
}
