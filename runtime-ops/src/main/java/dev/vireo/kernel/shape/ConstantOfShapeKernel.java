package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/** ConstantOfShape: a tensor of the shape in input 0 filled with {@code value} (default f32 0). */
public final class ConstantOfShapeKernel implements Kernel {
  private final Tensor value;

  public ConstantOfShapeKernel(Node n) {
    Tensor v = n.attrTensor("value");
    if (v != null && v.size() != 1) {
      throw new IllegalArgumentException("ConstantOfShape: value must have one element, got " + v.describe());
    }
    value = v == null ? Tensor.scalar(0f) : v;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    long[] dims = Axes.values(inputs[0], "ConstantOfShape shape");
    Tensor out = ctx.allocate(value.dtype(), Shape.of(dims));
    int n = out.size();
    switch (out.data()) {
      case float[] a -> Arrays.fill(a, value.floats()[0]);
      case double[] a -> Arrays.fill(a, value.doubles()[0]);
      case int[] a -> Arrays.fill(a, value.ints()[0]);
      case long[] a -> Arrays.fill(a, value.longs()[0]);
      case short[] a -> Arrays.fill(a, value.shorts()[0]);
      case byte[] a -> Arrays.fill(a, value.bytes()[0]);
      case boolean[] a -> Arrays.fill(a, value.booleans()[0]);
      case String[] a -> Arrays.fill(a, 0, n, value.strings()[0]);
      default -> throw new IllegalArgumentException("ConstantOfShape: unsupported value " + value.describe());
    }
    return new Tensor[] {out};
  }
}
