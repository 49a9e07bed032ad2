package dev.vireo.kernel.text;

import static dev.vireo.tensor.DType.INT32;
import static dev.vireo.tensor.DType.INT64;
import static dev.vireo.tensor.DType.STRING;

import dev.vireo.kernel.KernelRegistry;

/** Registers the string kernels. */
public final class TextKernels {
  private TextKernels() {}

  public static void register(KernelRegistry r) {
    r.add("StringNormalizer", 10, StringNormalizerKernel::new, STRING);
    r.add("StringConcat", 20, StringConcatKernel::new, STRING);
    r.add("StringSplit", 20, StringSplitKernel::new, STRING);
    r.add("RegexFullMatch", 20, RegexFullMatchKernel::new, STRING);
    r.add("TfIdfVectorizer", 9, TfIdfVectorizerKernel::new, STRING, INT32, INT64);
  }
}
