package dev.vireo.kernel.sequence;

import dev.vireo.kernel.KernelRegistry;

/** Registers the sequence kernels (opset 11+) and the optional kernels (opset 15+). */
public final class SequenceKernels {
  private SequenceKernels() {}

  public static void register(KernelRegistry r) {
    r.add("SequenceConstruct", 11, node -> new SequenceConstructKernel());
    r.add("SequenceEmpty", 11, SequenceEmptyKernel::new);
    r.add("SequenceAt", 11, node -> new SequenceAtKernel());
    r.add("SequenceInsert", 11, node -> new SequenceInsertKernel());
    r.add("SequenceErase", 11, node -> new SequenceEraseKernel());
    r.add("SequenceLength", 11, node -> new SequenceLengthKernel());
    r.add("SplitToSequence", 11, SplitToSequenceKernel::new);
    r.add("ConcatFromSequence", 11, ConcatFromSequenceKernel::new);
    r.add("Optional", 15, OptionalKernel::new);
    r.add("OptionalHasElement", 15, node -> new OptionalHasElementKernel());
    r.add("OptionalGetElement", 15, node -> new OptionalGetElementKernel());
  }
}
