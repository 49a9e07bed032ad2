package dev.vireo.kernel.resize;

import dev.vireo.kernel.KernelRegistry;

/**
 * Registers Resize and Upsample. One registration per range of opsets with one meaning; the
 * kernel reads the node's opset.
 */
public final class ResizeKernels {
  private ResizeKernels() {}

  public static void register(KernelRegistry r) {
    // scales as an attribute
    r.add("Upsample", 7, 8, ResizeKernel::new);
    // opset 9: scales became input 1 (from opset 10 Resize replaces Upsample)
    r.add("Upsample", 9, 9, ResizeKernel::new);
    // asymmetric coordinates, nearest and linear only
    r.add("Resize", 10, 10, ResizeKernel::new);
    // opset 11: roi and sizes inputs, coordinate modes, nearest_mode, cubic
    r.add("Resize", 11, 12, ResizeKernel::new);
    // opset 13: roi and scales optional
    r.add("Resize", 13, 17, ResizeKernel::new);
    // opset 18: axes, antialias, keep_aspect_ratio_policy
    r.add("Resize", 18, 18, ResizeKernel::new);
    // opset 19: half_pixel_symmetric
    r.add("Resize", 19, ResizeKernel::new);
  }
}
