package dev.vireo.op.quantcontrib;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.nn.PoolDef;
import java.util.List;

/**
 * com.microsoft QLinearAveragePool: X's type, and AveragePool's output shape from the same
 * window attributes (kernel_shape, strides, pads, auto_pad, ceil_mode) for X [N, C, spatial...].
 */
public final class QLinearAveragePoolDef implements OpDef {
  private static final String OP = "QLinearAveragePool";
  private final PoolDef window = new PoolDef(OP);

  @Override
  public String domain() {
    return QuantContribOps.DOMAIN;
  }

  @Override
  public String opType() {
    return OP;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    if (ctx.node().attrInt("channels_last", 0) != 0) {
      throw new IllegalArgumentException(OP + ": channels_last=1 is not supported (X must be [N, C, spatial...])");
    }
    TensorType y = (TensorType) window.infer(ctx).get(0);
    return List.of(y);
  }
}
