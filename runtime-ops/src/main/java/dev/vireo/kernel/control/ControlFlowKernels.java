package dev.vireo.kernel.control;

import dev.vireo.kernel.KernelRegistry;

/**
 * Registers the kernels that run subgraphs: If, Loop, Scan (opset 8 and 9+ forms) and SequenceMap.
 *
 * <p>Their subgraphs are planned with the registry they are registered in, so a registry that
 * serves a graph also serves the graph's branches and bodies.
 */
public final class ControlFlowKernels {
  private ControlFlowKernels() {}

  public static void register(KernelRegistry r) {
    r.add("If", 1, node -> new IfKernel(node, r));
    r.add("Loop", 1, node -> new LoopKernel(node, r));
    r.add("Scan", 8, 8, node -> new Scan8Kernel(node, r));
    r.add("Scan", 9, node -> new ScanKernel(node, r));
    r.add("SequenceMap", 17, node -> new SequenceMapKernel(node, r));
  }
}
