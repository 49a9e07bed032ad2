package dev.vireo.kernel.control;

import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.kernel.sequence.SequenceKernels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * A registry with the control-flow and sequence kernels plus minimal arithmetic for bodies:
 * Add and Mul (f32 or i64, equal shapes or a scalar operand), Less (single elements, to bool)
 * and Identity (any value).
 */
final class TestKernels {
  private TestKernels() {}

  @FunctionalInterface
  private interface Op {
    double apply(double a, double b);
  }

  static KernelRegistry registry() {
    KernelRegistry r = new KernelRegistry();
    ControlFlowKernels.register(r);
    SequenceKernels.register(r);
    r.add("Add", 1, node -> (in, ctx) -> new Tensor[] {binary(in[0], in[1], (a, b) -> a + b)});
    r.add("Mul", 1, node -> (in, ctx) -> new Tensor[] {binary(in[0], in[1], (a, b) -> a * b)});
    r.add("Less", 1, node -> (in, ctx) ->
        new Tensor[] {Tensor.of(new boolean[] {in[0].getDouble(0) < in[1].getDouble(0)})});
    r.add("Identity", 1, node -> (ValueKernel) (in, ctx) -> new Object[] {in[0]});
    return r;
  }

  private static Tensor binary(Tensor a, Tensor b, Op op) {
    Tensor shape = a.size() >= b.size() ? a : b;
    int n = shape.size();
    if (a.dtype() == DType.INT64) {
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = (long) op.apply(a.getLong(a.size() == 1 ? 0 : i), b.getLong(b.size() == 1 ? 0 : i));
      }
      return Tensor.wrap(DType.INT64, shape.shape(), out);
    }
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) op.apply(a.getDouble(a.size() == 1 ? 0 : i), b.getDouble(b.size() == 1 ? 0 : i));
    }
    return Tensor.wrap(DType.FLOAT, shape.shape(), out);
  }
}
