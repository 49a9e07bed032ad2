package dev.vireo.optimize.qdq;

import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * The operands of a DequantizeLinear whose scale and zero point are constants: the quantized
 * input, its scale and zero point values, and the per-axis axis (normalized; -1 when the scale is
 * a scalar).
 */
record Dequantized(Node node, Value data, Value scale, Value zeroPoint, int axis) {

  /**
   * The DequantizeLinear producing {@code v}, when its scale and zero point are initializers,
   * its input is 8-bit (or int32 when {@code allowInt32}) and it is not blocked; null otherwise.
   */
  static Dequantized of(Value v, boolean allowInt32) {
    Node n = v == null ? null : v.producer();
    if (n == null || !n.domain().isEmpty() || !n.opType().equals("DequantizeLinear")) {
      return null;
    }
    Value data = n.input(0);
    Value scale = n.input(1);
    Value zp = n.input(2);
    if (data == null || scale == null || zp == null || scale.initializer() == null
        || zp.initializer() == null || data.tensorType() == null) {
      return null;
    }
    if (n.attrInt("block_size", 0) != 0 || scale.initializer().dtype() != DType.FLOAT) {
      return null;
    }
    DType t = data.tensorType().elemType();
    if (!(t == DType.INT8 || t == DType.UINT8 || (allowInt32 && t == DType.INT32))) {
      return null;
    }
    int axis = -1;
    if (scale.initializer().size() != 1 || scale.initializer().rank() != 0) {
      if (scale.initializer().rank() > 1 || !data.tensorType().hasRank()) {
        return null;
      }
      axis = (int) n.attrInt("axis", 1);
      if (axis < 0) {
        axis += data.tensorType().rank();
      }
    }
    return new Dequantized(n, data, scale, zp, axis);
  }

  /** True when the scale (and zero point) are one value. */
  boolean perTensor() {
    return scale.initializer().size() == 1;
  }

  Tensor scaleTensor() {
    return scale.initializer();
  }
}
