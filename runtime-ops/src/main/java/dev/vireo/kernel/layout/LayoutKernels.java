package dev.vireo.kernel.layout;

import dev.vireo.kernel.KernelRegistry;

/** Registers Pad, Tile, Split, DepthToSpace and SpaceToDepth; they only move data (any type). */
public final class LayoutKernels {
  private LayoutKernels() {}

  public static void register(KernelRegistry r) {
    // opset 11: pads and constant_value became inputs; 18: axes input; 19: wrap mode
    r.add("Pad", 2, PadKernel::new);
    r.add("Tile", 6, TileKernel::new);
    // opset 13: split became an input; 18: num_outputs and uneven splits
    r.add("Split", 2, SplitKernel::new);
    // opset 11: mode (DCR or CRD)
    r.add("DepthToSpace", 1, n -> new DepthSpaceKernel(n, true));
    r.add("SpaceToDepth", 1, n -> new DepthSpaceKernel(n, false));
  }
}
