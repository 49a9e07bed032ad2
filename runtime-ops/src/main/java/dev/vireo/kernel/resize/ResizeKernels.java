package dev.vireo.kernel.resize;

import dev.vireo.kernel.KernelRegistry;

/** Registers Resize and Upsample. */
public final class ResizeKernels {
  private ResizeKernels() {}

  public static void register(KernelRegistry r) {
    // Upsample opset 9: scales became input 1 (the op is replaced by Resize from opset 10)
    r.add("Upsample", 7, 9, ResizeKernel::new);
    // opset 11: roi, sizes, coordinate modes, cubic; 13: roi and scales optional;
    // 18: axes, antialias, keep_aspect_ratio_policy; 19: half_pixel_symmetric
    r.add("Resize", 10, ResizeKernel::new);
  }
}
