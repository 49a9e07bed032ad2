package dev.vireo.kernel.nn;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;
import static dev.vireo.tensor.DType.INT8;
import static dev.vireo.tensor.DType.UINT8;

import dev.vireo.kernel.KernelRegistry;

/** Registers convolution, pooling and normalization kernels. */
public final class NnKernels {
  private NnKernels() {}

  public static void register(KernelRegistry r) {
    r.add("Conv", 1, ConvKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // opset 8: Indices output and storage_order; opset 10: ceil_mode and dilations
    r.add("MaxPool", 1, 11, n -> new PoolKernel(n, true), FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // opset 12: int8 and uint8
    r.add("MaxPool", 12, KernelRegistry.LATEST, n -> new PoolKernel(n, true), FLOAT, FLOAT16,
        BFLOAT16, DOUBLE, INT8, UINT8);
    // opset 7: count_include_pad; opset 10: ceil_mode; opset 19: dilations
    r.add("AveragePool", 1, n -> new PoolKernel(n, false), FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    r.add("GlobalAveragePool", 1, n -> new GlobalPoolKernel(false), FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    r.add("GlobalMaxPool", 1, n -> new GlobalPoolKernel(true), FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // opset 6: is_test (inference either way); 7-8: spatial; 14: training_mode (batch statistics when 1)
    r.add("BatchNormalization", 6, BatchNormalizationTrainingKernel::create, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    r.add("LayerNormalization", 17, LayerNormalizationKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
  }
}
