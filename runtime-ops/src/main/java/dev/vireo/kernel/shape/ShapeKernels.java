package dev.vireo.kernel.shape;

import dev.vireo.kernel.KernelRegistry;

/** Registers the kernels that move or describe data without arithmetic; any element type. */
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
  }
}
