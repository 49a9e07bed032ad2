package dev.vireo.kernel.layout;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Split along {@code axis} into the node's outputs. The part lengths come from the {@code split}
 * attribute before opset 13 and from optional input 1 from 13; without them the axis is split
 * evenly over the outputs (it must divide before opset 18; from 18 {@code num_outputs} parts of
 * ceil(dim / n) each, the last one smaller). Any element type.
 */
public final class SplitKernel implements Kernel {
  private final long axis;
  private final long[] attrSplit;
  private final boolean splitInput;
  private final int outputs;
  private final boolean unevenLast;

  public SplitKernel(Node n) {
    axis = n.attrInt("axis", 0);
    // opset 13: split moved from an attribute to input 1
    splitInput = n.opset() >= 13;
    attrSplit = splitInput ? null : n.attrInts("split", null);
    outputs = n.outputs().size();
    // opset 18: num_outputs, and an uneven last part when the dim does not divide
    unevenLast = n.opset() >= 18;
    if (n.hasAttr("num_outputs") && n.attrInt("num_outputs", 0) != outputs) {
      throw new IllegalArgumentException("Split: num_outputs " + n.attrInt("num_outputs", 0) + " but the node has "
          + outputs + " outputs");
    }
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    int r = x.rank();
    int ax = Shape.normalizeAxis(axis, r);
    int[] dims = x.shape().dims();
    int len = dims[ax];
    // an empty split input means "not given"
    long[] split = splitInput && in.length > 1 && in[1] != null && in[1].size() > 0
        ? Elements.longs(in[1], "Split split") : attrSplit;
    if (split == null) {
      split = new long[outputs];
      if (unevenLast) {
        long part = (len + outputs - 1) / outputs;
        for (int i = 0; i < outputs; i++) {
          split[i] = Math.max(0, Math.min(part, len - part * i));
        }
      } else {
        if (len % outputs != 0) {
          throw new IllegalArgumentException("Split: axis " + ax + " of " + x.describe() + " does not divide into "
              + outputs + " equal parts");
        }
        Arrays.fill(split, len / outputs);
      }
    }
    long sum = 0;
    for (long s : split) {
      if (s < 0) {
        throw new IllegalArgumentException("Split: split " + Arrays.toString(split) + " has a negative length");
      }
      sum += s;
    }
    if (split.length != outputs || sum != len) {
      throw new IllegalArgumentException("Split: split " + Arrays.toString(split) + " must have " + outputs
          + " lengths summing to dim " + ax + " of " + x.describe());
    }
    int outer = x.shape().sizeBetween(0, ax);
    int inner = x.shape().sizeBetween(ax + 1, r);
    Tensor[] out = new Tensor[outputs];
    int start = 0;
    for (int i = 0; i < outputs; i++) {
      int[] od = dims.clone();
      od[ax] = (int) split[i];
      out[i] = ctx.allocate(x.dtype(), Shape.of(od));
      int chunk = od[ax] * inner;
      for (int o = 0; o < outer && chunk > 0; o++) {
        System.arraycopy(x.data(), (o * len + start) * inner, out[i].data(), o * chunk, chunk);
      }
      start += od[ax];
    }
    return out;
  }
}
