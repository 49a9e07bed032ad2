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
 * Folds an inference-mode {@code BatchNormalization} into the {@code Conv} before it, producing a
 * plain Conv with scaled weights and a new bias: with {@code s = scale / sqrt(var + epsilon)} per
 * output channel m, {@code W'[m] = W[m]·s[m]} and {@code B'[m] = (B[m] − mean[m])·s[m] + bias[m]}
 * (computed in double, rounded once).
 *
 * <p>Matches only when: both are standard f32 nodes; the Conv's weights (and bias, if any) and all
 * four BatchNormalization parameters are constants of length M (output channels); the Conv's
 * output is read only by the BatchNormalization and is no graph output; the BatchNormalization
 * is not in training mode and its running statistics outputs are unused.
 */
public final class ConvBatchNormFusion implements GraphPass {
  @Override
  public String name() {
    return "conv-batchnorm-fusion";
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
      Node bn = ed.current(s);
      if (bn == null || !bn.domain().isEmpty() || !bn.opType().equals("BatchNormalization")) {
        continue;
      }
      Node conv = ed.producer(bn.input(0));
      if (conv == null || !conv.domain().isEmpty() || !conv.opType().equals("Conv")
          || !ed.hasSingleUse(conv.output(0)) || bn.attrInt("training_mode", 0) != 0) {
        continue;
      }
      if (bn.opset() < 7 && bn.attrInt("is_test", 0) == 0) {
        continue; // opsets 1-6: without is_test the node trains
      }
      if (bn.attrInt("spatial", 1) != 1) {
        continue;
      }
      boolean extraOutputsUsed = false;
      for (int i = 1; i < bn.outputs().size(); i++) {
        extraOutputsUsed |= bn.output(i) != null && !ed.isUnused(bn.output(i));
      }
      Tensor w = ed.constant(conv.input(1));
      Tensor b = conv.input(2) == null ? null : ed.constant(conv.input(2));
      if (extraOutputsUsed || w == null || w.dtype() != DType.FLOAT || w.rank() < 3
          || (conv.input(2) != null && b == null)) {
        continue;
      }
      int m = w.shape().dim(0);
      Tensor[] p = new Tensor[4];
      boolean ok = b == null || isVector(b, m);
      for (int i = 0; i < 4 && ok; i++) {
        p[i] = ed.constant(bn.input(i + 1));
        ok = isVector(p[i], m);
      }
      if (!ok) {
        continue;
      }
      double eps = bn.attrFloat("epsilon", 1e-5f);
      float[] wd = w.floats();
      int per = wd.length / m;
      float[] nw = new float[wd.length];
      float[] nb = new float[m];
      for (int c = 0; c < m; c++) {
        double scale = p[0].floats()[c] / Math.sqrt((double) p[3].floats()[c] + eps);
        for (int k = c * per; k < (c + 1) * per; k++) {
          nw[k] = (float) (wd[k] * scale);
        }
        double bias = b == null ? 0 : b.floats()[c];
        nb[c] = (float) ((bias - p[2].floats()[c]) * scale + p[1].floats()[c]);
      }
      Value newW = ed.addInitializer(conv.input(1).name() + "_bn", Tensor.wrap(DType.FLOAT, w.shape(), nw));
      Value newB = ed.addInitializer(
          (b == null ? conv.name() + "_bias" : conv.input(2).name()) + "_bn", Tensor.wrap(DType.FLOAT, Shape.of(m), nb));
      List<Value> ins = new ArrayList<>(List.of(conv.input(0), newW, newB));
      List<Value> outs = List.of(bn.output(0));
      Node fusedConv = new Node(conv.name(), "", "Conv", conv.opset(), ins, outs, conv.attributes());
      ed.replace(List.of(conv, bn), List.of(fusedConv));
      fused++;
    }
    return fused;
  }

  private static boolean isVector(Tensor t, int m) {
    return t != null && t.dtype() == DType.FLOAT && t.rank() == 1 && t.size() == m;
  }
}
