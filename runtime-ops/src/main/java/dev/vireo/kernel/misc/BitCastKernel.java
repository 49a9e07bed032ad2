package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * BitCast: reinterprets each element's bits as the type {@code to} of the same width (bool is
 * one byte, 0 or 1), keeping the shape. Sub-byte and string types are rejected.
 */
public final class BitCastKernel implements Kernel {
  private final DType to;

  BitCastKernel(Node n) {
    if (!n.hasAttr("to")) {
      throw new IllegalArgumentException("BitCast: attribute 'to' is required");
    }
    to = DType.fromOnnx((int) n.attrInt("to", 0));
    check(to);
  }

  private static void check(DType t) {
    if (!t.hasStorage() || t == DType.STRING || t.storage() == DType.Storage.NONE
        || t == DType.INT4 || t == DType.UINT4 || t == DType.INT2 || t == DType.UINT2 || t == DType.FLOAT4E2M1) {
      throw new IllegalArgumentException("BitCast: type " + t + " cannot be bit-cast");
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    check(x.dtype());
    if (x.dtype().byteSize() != to.byteSize()) {
      throw new IllegalArgumentException("BitCast: " + x.describe() + " has " + 8 * x.dtype().byteSize()
          + "-bit elements, " + to + " has " + 8 * to.byteSize());
    }
    Tensor out = ctx.allocate(to, x.shape());
    Object src = x.data();
    Object dst = out.data();
    for (int i = 0; i < x.size(); i++) {
      long bits = switch (src) {
        case float[] a -> Float.floatToRawIntBits(a[i]);
        case double[] a -> Double.doubleToRawLongBits(a[i]);
        case byte[] a -> a[i];
        case short[] a -> a[i];
        case int[] a -> a[i];
        case long[] a -> a[i];
        case boolean[] a -> a[i] ? 1 : 0;
        default -> throw new IllegalArgumentException("BitCast: cannot read " + x.describe());
      };
      switch (dst) {
        case float[] a -> a[i] = Float.intBitsToFloat((int) bits);
        case double[] a -> a[i] = Double.longBitsToDouble(bits);
        case byte[] a -> a[i] = (byte) bits;
        case short[] a -> a[i] = (short) bits;
        case int[] a -> a[i] = (int) bits;
        case long[] a -> a[i] = bits;
        case boolean[] a -> a[i] = (bits & 0xff) != 0;
        default -> throw new IllegalArgumentException("BitCast: cannot write " + to);
      }
    }
    return new Tensor[] {out};
  }
}
