package dev.vireo.kernel.math;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;
import static dev.vireo.tensor.DType.INT32;
import static dev.vireo.tensor.DType.INT64;
import static dev.vireo.tensor.DType.UINT32;
import static dev.vireo.tensor.DType.UINT64;

import dev.vireo.kernel.KernelRegistry;

/** Registers the matrix-product and normalization-over-axis kernels. */
public final class MathKernels {
  private MathKernels() {}

  public static void register(KernelRegistry r) {
    // unsigned operands: wrapping products and sums have the same bits as the signed ones
    r.add("MatMul", 1, MatMulKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64, UINT32,
        UINT64);
    // C optional from opset 11; before 7, broadcast=0 requires a full C (a case of broadcasting)
    // opset 9 added i32, i64, u32 and u64 (one kernel serves them from opset 6)
    r.add("Gemm", 6, GemmKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64, UINT32, UINT64);
    // opset 13: along one axis instead of 2-D coercion; SoftmaxKernel branches on the opset
    r.add("Softmax", 1, SoftmaxKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
  }
}
