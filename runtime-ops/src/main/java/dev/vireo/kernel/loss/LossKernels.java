package dev.vireo.kernel.loss;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;

import dev.vireo.kernel.KernelRegistry;

/** Registers the loss kernels. */
public final class LossKernels {
  private LossKernels() {}

  public static void register(KernelRegistry r) {
    // opsets 13 and 22 only add element types
    r.add("NegativeLogLikelihoodLoss", 12, NegativeLogLikelihoodLossKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16);
    // opset 13 only adds element types
    r.add("SoftmaxCrossEntropyLoss", 12, SoftmaxCrossEntropyLossKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16);
  }
}
