package dev.vireo.kernel.signal;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;

import dev.vireo.kernel.KernelRegistry;

/** Registers the signal-processing kernels. */
public final class SignalKernels {
  private SignalKernels() {}

  public static void register(KernelRegistry r) {
    r.add("HannWindow", 17, WindowKernel::hann);
    r.add("HammingWindow", 17, WindowKernel::hamming);
    r.add("BlackmanWindow", 17, WindowKernel::blackman);
    // opset 20: axis became input 2
    r.add("DFT", 17, DftKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16);
    r.add("STFT", 17, StftKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16);
    r.add("MelWeightMatrix", 17, MelWeightMatrixKernel::new);
  }
}
