package dev.vireo.kernel.quantcontrib;

import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.INT8;
import static dev.vireo.tensor.DType.UINT8;

import dev.vireo.kernel.KernelFactory;
import dev.vireo.kernel.KernelRegistration;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.quant.MatMulIntegerToFloatKernel;
import dev.vireo.kernel.quant.QGemmKernel;
import dev.vireo.tensor.DType;
import java.util.Set;

/**
 * Registers onnxruntime's quantized operators of domain com.microsoft (opset 1), with
 * onnxruntime's numerics: the int8 matmuls, the QLinear elementwise ops, concat and pooling.
 */
public final class QuantContribKernels {
  /** The domain of onnxruntime's contrib operators. */
  public static final String DOMAIN = "com.microsoft";

  private QuantContribKernels() {}

  public static void register(KernelRegistry r) {
    add(r, "DynamicQuantizeMatMul", 0, MatMulIntegerToFloatKernel::dynamicQuantize, FLOAT);
    add(r, "MatMulIntegerToFloat", 0, MatMulIntegerToFloatKernel::integerToFloat, UINT8, INT8);
    add(r, "QGemm", 0, QGemmKernel::new, UINT8, INT8);
    add(r, "QLinearAdd", 0, n -> new QLinearBinaryKernel(false), UINT8, INT8);
    add(r, "QLinearMul", 0, n -> new QLinearBinaryKernel(true), UINT8, INT8);
    add(r, "QLinearSigmoid", 0, n -> QLinearLookupKernel.sigmoid(), UINT8, INT8);
    add(r, "QLinearLeakyRelu", 0, n -> QLinearLookupKernel.leakyRelu(n.attrFloat("alpha", 0.01f)),
        UINT8, INT8);
    // input 0 and 1 are Y's scale and zero point; the first X is input 2
    add(r, "QLinearConcat", 2, QLinearConcatKernel::new, UINT8, INT8);
    add(r, "QLinearGlobalAveragePool", 0, QLinearGlobalAveragePoolKernel::new, UINT8, INT8);
    add(r, "QLinearAveragePool", 0, QLinearAveragePoolKernel::new, UINT8, INT8);
  }

  private static void add(KernelRegistry r, String op, int typeInput, KernelFactory f, DType... types) {
    r.add(new KernelRegistration(DOMAIN, op, 1, KernelRegistry.LATEST, typeInput, Set.of(types), f));
  }
}
