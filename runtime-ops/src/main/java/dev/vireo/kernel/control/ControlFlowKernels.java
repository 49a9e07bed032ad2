package dev.vireo.kernel.control;

import dev.vireo.kernel.KernelRegistry;

/**
 * Registers the control-flow kernels: If, Loop and Scan (opset 8 and 9+ forms).
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
  }
}
