package dev.vireo.kernel.quant;

import dev.vireo.kernel.KernelRegistry;

/** Registers the quantization kernels: (de)quantization and the integer matmul/conv ops. */
public final class QuantKernels {
  private QuantKernels() {}

  public static void register(KernelRegistry r) {
    // opset 13: axis (per-axis); 19: float8, saturate; 21: block_size, output_dtype
    // (QuantizeLinear), 4-bit and 16-bit types; 23: precision, output_dtype (DequantizeLinear),
    // float4; 25: 2-bit types
    r.add("QuantizeLinear", 10, QuantizeLinearKernel::new);
    r.add("DequantizeLinear", 10, DequantizeLinearKernel::new);
    r.add("DynamicQuantizeLinear", 11, n -> new DynamicQuantizeLinearKernel());
    r.add("MatMulInteger", 10, n -> new MatMulIntegerKernel());
    // opset 21: float16/bfloat16 scales
    r.add("QLinearMatMul", 10, n -> new QLinearMatMulKernel());
    r.add("ConvInteger", 10, ConvIntegerKernel::new);
    r.add("QLinearConv", 10, QLinearConvKernel::new);
  }
}
