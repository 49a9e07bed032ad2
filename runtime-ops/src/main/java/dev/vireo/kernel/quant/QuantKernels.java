package dev.vireo.kernel.quant;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;
import static dev.vireo.tensor.DType.FLOAT4E2M1;
import static dev.vireo.tensor.DType.FLOAT8E4M3FN;
import static dev.vireo.tensor.DType.FLOAT8E4M3FNUZ;
import static dev.vireo.tensor.DType.FLOAT8E5M2;
import static dev.vireo.tensor.DType.FLOAT8E5M2FNUZ;
import static dev.vireo.tensor.DType.INT16;
import static dev.vireo.tensor.DType.INT2;
import static dev.vireo.tensor.DType.INT32;
import static dev.vireo.tensor.DType.INT4;
import static dev.vireo.tensor.DType.INT8;
import static dev.vireo.tensor.DType.UINT16;
import static dev.vireo.tensor.DType.UINT2;
import static dev.vireo.tensor.DType.UINT4;
import static dev.vireo.tensor.DType.UINT8;

import dev.vireo.kernel.KernelRegistry;

/** Registers the quantization kernels: (de)quantization and the integer matmul/conv ops. */
public final class QuantKernels {
  private QuantKernels() {}

  public static void register(KernelRegistry r) {
    // opset 13: axis (per-axis); 19: float8, saturate; 21: block_size, output_dtype
    // (QuantizeLinear), 4-bit and 16-bit types; 23: precision, output_dtype (DequantizeLinear),
    // float4; 25: 2-bit types
    r.add("QuantizeLinear", 10, QuantizeLinearKernel::new, FLOAT, FLOAT16, BFLOAT16, INT32);
    r.add("DequantizeLinear", 10, DequantizeLinearKernel::new, INT8, UINT8, INT16, UINT16, INT32,
        INT4, UINT4, INT2, UINT2, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ,
        FLOAT4E2M1);
    r.add("DynamicQuantizeLinear", 11, n -> new DynamicQuantizeLinearKernel(), FLOAT);
    r.add("MatMulInteger", 10, MatMulIntegerKernel::new, INT8, UINT8);
    // opset 21: float16/bfloat16 scales
    r.add("QLinearMatMul", 10, QLinearMatMulKernel::new, INT8, UINT8);
    r.add("ConvInteger", 10, ConvIntegerKernel::new, INT8, UINT8);
    r.add("QLinearConv", 10, QLinearConvKernel::new, INT8, UINT8);
  }
}
