package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX SplitToSequence (opset 11+): splits {@code input} along {@code axis} into a sequence.
 *
 * <p>Without {@code split}, into pieces of length 1, squeezing the axis when {@code keepdims} is
 * 0. A scalar {@code split} gives pieces of that length (the last may be shorter); a 1-D {@code
 * split} gives pieces of those lengths, which must sum to the axis length.
 */
public final class SplitToSequenceKernel implements ValueKernel {
  private final long axis;
  private final boolean keepDims;

  public SplitToSequenceKernel(Node node) {
    axis = node.attrInt("axis", 0);
    keepDims = node.attrInt("keepdims", 1) != 0;
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    Tensor x = SequenceArgs.tensor(inputs[0], "input");
    int a = Shape.normalizeAxis(axis, x.rank());
    int dim = x.shape().dim(a);
    List<Tensor> parts = new ArrayList<>();
    if (inputs.length < 2 || inputs[1] == null) {
      for (int i = 0; i < dim; i++) {
        parts.add(keepDims ? AxisCopy.slice(x, a, i, 1, ctx) : AxisCopy.take(x, a, i, ctx));
      }
      return new Object[] {new TensorSequence(x.dtype(), parts)};
    }
    Tensor split = SequenceArgs.tensor(inputs[1], "split");
    if (!split.dtype().isInteger() || split.rank() > 1) {
      throw new IllegalArgumentException("split must be an integer scalar or 1-D tensor, got " + split.describe());
    }
    List<Integer> lengths = new ArrayList<>();
    if (split.rank() == 0) {
      long n = split.getLong(0);
      if (n <= 0) {
        throw new IllegalArgumentException("scalar split must be positive, got " + n);
      }
      for (long start = 0; start < dim; start += n) {
        lengths.add((int) Math.min(n, dim - start));
      }
    } else {
      long sum = 0;
      for (int i = 0; i < split.size(); i++) {
        long n = split.getLong(i);
        if (n < 0) {
          throw new IllegalArgumentException("split lengths must be >= 0, got " + n + " at index " + i);
        }
        lengths.add((int) n);
        sum += n;
      }
      if (sum != dim) {
        throw new IllegalArgumentException("split lengths sum to " + sum + " but axis " + a + " of "
            + x.describe() + " has length " + dim);
      }
    }
    int start = 0;
    for (int n : lengths) {
      parts.add(AxisCopy.slice(x, a, start, n, ctx));
      start += n;
    }
    return new Object[] {new TensorSequence(x.dtype(), parts)};
  }
}
