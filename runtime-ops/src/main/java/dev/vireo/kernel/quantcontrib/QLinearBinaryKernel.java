package dev.vireo.kernel.quantcontrib;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Broadcast;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft QLinearAdd and QLinearMul: inputs A, A_scale, A_zero_point, B, B_scale,
 * B_zero_point, C_scale, C_zero_point (zero points optional), 8-bit A, B and C of one type,
 * numpy broadcasting. In float32, as onnxruntime: Add gives
 * {@code (a - a_zp)·(a_scale/c_scale) + (b - b_zp)·(b_scale/c_scale)}, Mul
 * {@code (a - a_zp)·(b - b_zp)·(a_scale·b_scale/c_scale)}; then rounded half to even, plus
 * c_zp, saturated.
 */
public final class QLinearBinaryKernel implements Kernel {
  private final boolean multiply;

  public QLinearBinaryKernel(boolean multiply) {
    this.multiply = multiply;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    String op = multiply ? "QLinearMul" : "QLinearAdd";
    Tensor a = in[0];
    Tensor b = in[3];
    DType t = a.dtype();
    if (b.dtype() != t) {
      throw new IllegalArgumentException(op + ": A " + a.describe() + " and B " + b.describe()
          + " differ in type");
    }
    float as = QParams.scale(op, "A_scale", in[1]);
    int az = QParams.zeroPoint(op, "A_zero_point", in[2], t);
    float bs = QParams.scale(op, "B_scale", in[4]);
    int bz = QParams.zeroPoint(op, "B_zero_point", in[5], t);
    float cs = QParams.scale(op, "C_scale", in[6]);
    int cz = QParams.zeroPoint(op, "C_zero_point", in.length > 7 ? in[7] : null, t);
    Broadcast bc = Broadcast.of(a.shape().dims(), b.shape().dims());
    Tensor out = ctx.allocateUninitialized(t, Shape.of(bc.outDims()));
    byte[] x = a.bytes();
    byte[] y = b.bytes();
    byte[] o = out.bytes();
    boolean u = t == DType.UINT8;
    int lo = QParams.lowest(t);
    int hi = QParams.highest(t);
    float ra = as / cs;
    float rb = bs / cs;
    float rab = as * bs / cs;
    int inner = bc.inner();
    int sa = bc.step(0);
    int sb = bc.step(1);
    for (int r = 0, oi = 0; r < bc.rows(); r++) {
      int ia = bc.offset(0, r);
      int ib = bc.offset(1, r);
      for (int j = 0; j < inner; j++, oi++, ia += sa, ib += sb) {
        float va = QParams.get(x, ia, u) - az;
        float vb = QParams.get(y, ib, u) - bz;
        float v = multiply ? va * vb * rab : va * ra + vb * rb;
        o[oi] = QParams.quantize(v, cz, lo, hi);
      }
    }
    return new Tensor[] {out};
  }
}
