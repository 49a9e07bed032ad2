package dev.vireo.optimize.fusion;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a per-channel {@code Mul} or {@code Add} by a constant after a {@code Conv} into the
 * Conv's weights and bias: {@code Mul(Conv(X, W, B), s)} becomes {@code Conv(X, W·s, B·s)} and
 * {@code Add(Conv(X, W, B), c)} becomes {@code Conv(X, W, B + c)}, s and c being scalars or of a
 * shape that varies along the channel axis only ([M, 1, 1], [1, M, 1, 1], ...). This is how
 * exporters often write a BatchNormalization or a bias they split off.
 *
 * <p>Matches only f32 standard Conv nodes with constant weights (and bias, if any) whose output
 * is read by the Mul or Add only and is no graph output.
 */
public final class ConvScaleBiasFusion implements GraphPass {
  @Override
  public String name() {
    return "conv-scale-bias-fusion";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    GraphEditor ed = new GraphEditor(graph);
    int fused = 0;
    for (Node s : ed.snapshot()) {
      Node conv = ed.current(s);
      if (conv == null || !conv.domain().isEmpty() || !conv.opType().equals("Conv")
          || conv.output(0) == null || !ed.hasSingleUse(conv.output(0))) {
        continue;
      }
      Tensor w = ed.constant(conv.input(1));
      Tensor b = conv.input(2) == null ? null : ed.constant(conv.input(2));
      if (w == null || w.dtype() != DType.FLOAT || w.rank() < 3 || (conv.input(2) != null && b == null)) {
        continue;
      }
      Node op = ed.consumers(conv.output(0)).get(0);
      boolean mul = op.opType().equals("Mul");
      if (!op.domain().isEmpty() || !(mul || op.opType().equals("Add")) || op.inputs().size() != 2) {
        continue;
      }
      Value other = op.input(0) == conv.output(0) ? op.input(1) : op.input(0);
      int m = w.shape().dim(0);
      float[] perChannel = other == conv.output(0) ? null : perChannel(ed.constant(other), m, w.rank());
      if (perChannel == null) {
        continue;
      }
      float[] nb = new float[m];
      float[] wd = w.floats();
      float[] nw = wd;
      if (mul) {
        nw = new float[wd.length];
        int per = wd.length / m;
        for (int c = 0; c < m; c++) {
          for (int k = c * per; k < (c + 1) * per; k++) {
            nw[k] = wd[k] * perChannel[c];
          }
          nb[c] = b == null ? 0 : b.floats()[c] * perChannel[c];
        }
      } else {
        for (int c = 0; c < m; c++) {
          nb[c] = (b == null ? 0 : b.floats()[c]) + perChannel[c];
        }
      }
      Value newW = mul ? ed.addInitializer(conv.input(1).name() + "_scaled", Tensor.wrap(DType.FLOAT, w.shape(), nw))
          : conv.input(1);
      Value newB = ed.addInitializer(conv.name() + "_bias", Tensor.wrap(DType.FLOAT, Shape.of(m), nb));
      List<Value> ins = new ArrayList<>(List.of(conv.input(0), newW, newB));
      Node folded = new Node(conv.name(), "", "Conv", conv.opset(), ins, List.of(op.output(0)), conv.attributes());
      ed.replace(List.of(conv, op), List.of(folded));
      fused++;
    }
    return fused;
  }

  /**
   * The constant as one value per output channel, or null when it is not f32 or varies along
   * another axis than the channel axis (1) of a rank-{@code rank} output.
   */
  private static float[] perChannel(Tensor t, int m, int rank) {
    if (t == null || t.dtype() != DType.FLOAT || t.rank() > rank) {
      return null;
    }
    int[] d = t.shape().dims();
    int channelAxis = 1 - (rank - d.length); // the channel axis in t's own dims, right-aligned
    for (int i = 0; i < d.length; i++) {
      if (d[i] != 1 && !(i == channelAxis && d[i] == m)) {
        return null;
      }
    }
    float[] out = new float[m];
    for (int c = 0; c < m; c++) {
      out[c] = t.size() == 1 ? t.floats()[0] : t.floats()[c];
    }
    return out;
  }
}
