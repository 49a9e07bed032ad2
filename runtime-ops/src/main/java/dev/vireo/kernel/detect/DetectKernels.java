package dev.vireo.kernel.detect;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;

import dev.vireo.kernel.KernelRegistry;

/** Registers NonMaxSuppression, GridSample and RoiAlign. */
public final class DetectKernels {
  private DetectKernels() {}

  public static void register(KernelRegistry r) {
    // opset 11 only clarified the docs
    r.add("NonMaxSuppression", 10, NonMaxSuppressionKernel::new, FLOAT);
    // opset 16: 4-D input, modes bilinear, nearest, bicubic
    r.add("GridSample", 16, 19, n -> new GridSampleKernel(n, false), FLOAT, DOUBLE, FLOAT16, BFLOAT16);
    // opset 20: any spatial rank, modes renamed linear, nearest, cubic (opset 22 adds types)
    r.add("GridSample", 20, n -> new GridSampleKernel(n, true), FLOAT, DOUBLE, FLOAT16, BFLOAT16);
    r.add("RoiAlign", 10, 15, n -> new RoiAlignKernel(n, false), FLOAT, DOUBLE, FLOAT16);
    // opset 16: coordinate_transformation_mode (default half_pixel); opset 22 adds bf16
    r.add("RoiAlign", 16, n -> new RoiAlignKernel(n, true), FLOAT, DOUBLE, FLOAT16, BFLOAT16);
  }
}
