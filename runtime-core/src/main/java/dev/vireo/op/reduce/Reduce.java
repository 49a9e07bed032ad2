package dev.vireo.op.reduce;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ten reductions (ReduceSum, ReduceMean, ReduceMax, ReduceMin, ReduceProd, ReduceL1,
 * ReduceL2, ReduceLogSum, ReduceLogSumExp, ReduceSumSquare), which share one signature and so
 * one definition, parameterized by op type and by the opset from which axes is an input (13
 * for ReduceSum, 18 for the others).
 *
 * <p>Output: the input's element type; each reduced dim becomes 1 ({@code keepdims=1}, the
 * default) or is dropped. No axes means all axes, or none with {@code noop_with_empty_axes}.
 * When axes come from a non-constant input, only the rank is known (with keepdims) or nothing.
 */
public final class Reduce implements OpDef {
  private final String opType;
  private final int axesInputSince;

  public Reduce(String opType, int axesInputSince) {
    this.opType = opType;
    this.axesInputSince = axesInputSince;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return opType;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    var node = ctx.node();
    TensorType x = ctx.tensor(0);
    boolean keep = node.attrInt("keepdims", 1) != 0;
    boolean fromInput = node.opset() >= axesInputSince;
    boolean noop = fromInput && node.attrInt("noop_with_empty_axes", 0) != 0;
    long[] axes;
    if (fromInput) {
      if (ctx.hasInput(1)) {
        Tensor a = ctx.constant(1);
        if (a == null) {
          return List.of(new TensorType(x.elemType(), keep && x.hasRank() ? unknownDims(x.rank()) : null));
        }
        axes = a.toLongArray();
      } else {
        axes = new long[0];
      }
    } else {
      axes = node.attrInts("axes", new long[0]);
    }
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    int r = x.rank();
    boolean[] reduced = new boolean[r];
    if (axes.length == 0) {
      Arrays.fill(reduced, !noop);
    }
    for (long a : axes) {
      if (a < -r || a >= r) {
        throw new IllegalArgumentException(opType + ": axes " + Arrays.toString(axes)
            + " out of range for input " + x);
      }
      reduced[Shape.normalizeAxis(a, r)] = true;
    }
    List<Dim> out = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      if (!reduced[i]) {
        out.add(x.dims().get(i));
      } else if (keep) {
        out.add(Dim.of(1));
      }
    }
    return List.of(new TensorType(x.elemType(), out));
  }

  private static List<Dim> unknownDims(int rank) {
    return java.util.Collections.nCopies(rank, Dim.unknown());
  }
}
