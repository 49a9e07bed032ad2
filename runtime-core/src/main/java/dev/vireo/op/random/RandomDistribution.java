package dev.vireo.op.random;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * RandomUniform and RandomNormal (shape from the {@code shape} attribute, type from {@code dtype},
 * default float) and their Like forms (shape of input 0, type from {@code dtype} or else input 0's).
 */
public final class RandomDistribution implements OpDef {
  private final String opType;
  private final boolean like;

  RandomDistribution(String opType, boolean like) {
    this.opType = opType;
    this.like = like;
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
    if (like) {
      TensorType in = ctx.tensor(0);
      DType t = ctx.node().hasAttr("dtype") ? dtype(ctx, opType) : in.elemType();
      return List.of(new TensorType(t, in.dims()));
    }
    long[] shape = ctx.node().attrInts("shape", null);
    if (shape == null) {
      throw new IllegalArgumentException(opType + ": attribute 'shape' is required");
    }
    List<Dim> dims = new ArrayList<>();
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(opType + ": shape " + java.util.Arrays.toString(shape)
            + " has a negative dim");
      }
      dims.add(Dim.of(d));
    }
    return List.of(new TensorType(dtype(ctx, opType), dims));
  }

  /** The {@code dtype} attribute (default float), which must be a float type. */
  static DType dtype(InferenceContext ctx, String op) {
    DType t = DType.fromOnnx((int) ctx.node().attrInt("dtype", DType.FLOAT.onnxCode()));
    if (!t.isFloatingPoint()) {
      throw new IllegalArgumentException(op + ": dtype " + t + " is not a float type");
    }
    return t;
  }
}
