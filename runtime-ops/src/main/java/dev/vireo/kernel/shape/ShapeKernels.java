package dev.vireo.kernel.shape;

import dev.vireo.kernel.KernelRegistry;
import dev.vireo.tensor.DType;

/** Registers the kernels that move, create or describe data; most accept any element type. */
public final class ShapeKernels {
  private ShapeKernels() {}

  public static void register(KernelRegistry r) {
    r.add("Identity", 1, IdentityKernel::new);
    r.add("Dropout", 1, IdentityKernel::new);
    // opset 5: the shape became input 1; opset 14: allowzero
    r.add("Reshape", 5, ReshapeKernel::new);
    r.add("Flatten", 1, FlattenKernel::new);
    // opset 13: axes moved from an attribute to input 1
    r.add("Squeeze", 1, n -> new SqueezeKernel(n, false));
    r.add("Unsqueeze", 1, n -> new SqueezeKernel(n, true));
    r.add("Transpose", 1, TransposeKernel::new);
    r.add("Concat", 4, ConcatKernel::new);
    r.add("Gather", 1, GatherKernel::new);
    // opset 15: start and end
    r.add("Shape", 1, ShapeKernel::new);
    // opset 12: value_float, value_ints, ... forms
    r.add("Constant", 1, ConstantKernel::new);
    r.add("Cast", 6, CastKernel::new);
    r.add("CastLike", 15, CastKernel::castLike);
    r.add("Expand", 8, n -> new ExpandKernel());
    // opset 10: starts/ends/axes became inputs, steps added
    r.add("Slice", 1, SliceKernel::new);
    r.add("ConstantOfShape", 9, ConstantOfShapeKernel::new);
    // opset 27 adds f16 and bf16
    r.add("Range", 11, n -> new RangeKernel(), DType.FLOAT, DType.DOUBLE, DType.INT16, DType.INT32,
        DType.INT64, DType.FLOAT16, DType.BFLOAT16);
  }
}
