package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * IsNaN and IsInf: a bool tensor of the input's shape telling which elements are NaN, or which
 * are infinite (IsInf's detect_negative and detect_positive, default 1, choose the signs).
 * f32 and f64, f16/bf16 read as f32 (widening keeps NaN and infinities).
 */
public final class FloatClassKernel implements Kernel {
  private final boolean nan;
  private final boolean negative;
  private final boolean positive;

  private FloatClassKernel(boolean nan, boolean negative, boolean positive) {
    this.nan = nan;
    this.negative = negative;
    this.positive = positive;
  }

  /** IsNaN. */
  public static FloatClassKernel isNaN() {
    return new FloatClassKernel(true, false, false);
  }

  /** IsInf with the node's detect_negative and detect_positive. */
  public static FloatClassKernel isInf(Node n) {
    return new FloatClassKernel(false, n.attrInt("detect_negative", 1) != 0,
        n.attrInt("detect_positive", 1) != 0);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Tensor out = ctx.allocate(DType.BOOL, x.shape());
    boolean[] o = out.booleans();
    double lo = negative ? Double.NEGATIVE_INFINITY : Double.NaN;
    double hi = positive ? Double.POSITIVE_INFINITY : Double.NaN;
    if (x.dtype() == DType.DOUBLE) {
      double[] s = x.doubles();
      if (nan) {
        for (int i = 0; i < s.length; i++) o[i] = s[i] != s[i];
      } else {
        // a comparison with NaN is false: an unselected sign matches nothing
        for (int i = 0; i < s.length; i++) o[i] = s[i] == lo || s[i] == hi;
      }
    } else {
      float[] s = HalfFloats.widen(x).floats();
      if (nan) {
        for (int i = 0; i < s.length; i++) o[i] = s[i] != s[i];
      } else {
        for (int i = 0; i < s.length; i++) o[i] = s[i] == lo || s[i] == hi;
      }
    }
    return new Tensor[] {out};
  }
}
