package dev.vireo.optimize.fusion;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code Add(MatMul(A, B), C)} into {@code Gemm(A, B, C)} when that is the same
 * computation: A is a 2-D f32 matrix [M, K], B a constant [K, N], C a constant bias [N] or
 * [1, N] (Gemm broadcasts it over rows), and the MatMul's output is read by the Add only and is
 * no graph output. (Batched MatMuls keep their Add: Gemm is 2-D only.)
 */
public final class MatMulAddFusion implements GraphPass {
  @Override
  public String name() {
    return "matmul-add-fusion";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    int gemmOpset = ctx.opset("");
    if (gemmOpset < 11) {
      return 0; // Gemm's broadcast of C is unconditional from opset 7, C optional from 11: stay simple
    }
    GraphEditor ed = new GraphEditor(graph);
    int fused = 0;
    for (Node s : ed.snapshot()) {
      Node mm = ed.current(s);
      if (mm == null || !mm.domain().isEmpty() || !mm.opType().equals("MatMul")
          || mm.output(0) == null || !ed.hasSingleUse(mm.output(0))) {
        continue;
      }
      ValueType.TensorType a = mm.input(0).tensorType();
      Tensor b = ed.constant(mm.input(1));
      if (a == null || a.elemType() != DType.FLOAT || !a.hasRank() || a.rank() != 2
          || b == null || b.dtype() != DType.FLOAT || b.rank() != 2) {
        continue;
      }
      Node add = ed.consumers(mm.output(0)).get(0);
      if (!add.domain().isEmpty() || !add.opType().equals("Add") || add.inputs().size() != 2) {
        continue;
      }
      Value cv = add.input(0) == mm.output(0) ? add.input(1) : add.input(0);
      Tensor c = ed.constant(cv);
      int n = b.shape().dim(1);
      if (cv == mm.output(0) || c == null || c.dtype() != DType.FLOAT || c.size() != n
          || !(c.rank() == 1 || (c.rank() == 2 && c.shape().dim(0) == 1))) {
        continue;
      }
      Node gemm = new Node(mm.name(), "", "Gemm", gemmOpset, List.of(mm.input(0), mm.input(1), cv),
          List.of(add.output(0)), Map.of());
      ed.replace(List.of(mm, add), List.of(gemm));
      fused++;
    }
    return fused;
  }
}
