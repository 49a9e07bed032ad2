package dev.vireo.kernel.random;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;

import dev.vireo.kernel.KernelRegistry;

/** Registers RandomUniform, RandomNormal, their Like forms, Bernoulli and Multinomial. */
public final class RandomKernels {
  private RandomKernels() {}

  public static void register(KernelRegistry r) {
    // opset 22 only widened the type lists
    r.add("RandomUniform", 1, n -> new RandomDistributionKernel(n, false, false));
    r.add("RandomNormal", 1, n -> new RandomDistributionKernel(n, true, false));
    r.add("RandomUniformLike", 1, n -> new RandomDistributionKernel(n, false, true));
    r.add("RandomNormalLike", 1, n -> new RandomDistributionKernel(n, true, true));
    r.add("Bernoulli", 15, BernoulliKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16);
    r.add("Multinomial", 7, MultinomialKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16);
  }
}
