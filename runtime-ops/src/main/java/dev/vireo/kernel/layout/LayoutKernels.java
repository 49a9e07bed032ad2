package dev.vireo.kernel.layout;

import dev.vireo.kernel.KernelRegistry;

/**
 * Registers Pad, Tile, Split, DepthToSpace and SpaceToDepth; they only move data (any type).
 * One registration per range of opsets with one meaning; each kernel reads the node's opset.
 */
public final class LayoutKernels {
  private LayoutKernels() {}

  public static void register(KernelRegistry r) {
    // pads and value as attributes
    r.add("Pad", 2, 10, PadKernel::new);
    // opset 11: pads and constant_value became inputs
    r.add("Pad", 11, 17, PadKernel::new);
    // opset 18: axes input
    r.add("Pad", 18, 18, PadKernel::new);
    // opset 19: wrap mode
    r.add("Pad", 19, PadKernel::new);
    r.add("Tile", 6, TileKernel::new);
    // split as an attribute
    r.add("Split", 2, 12, SplitKernel::new);
    // opset 13: split became input 1
    r.add("Split", 13, 17, SplitKernel::new);
    // opset 18: num_outputs, uneven last part
    r.add("Split", 18, SplitKernel::new);
    // DCR only
    r.add("DepthToSpace", 1, 10, n -> new DepthSpaceKernel(n, true));
    // opset 11: mode DCR or CRD
    r.add("DepthToSpace", 11, n -> new DepthSpaceKernel(n, true));
    r.add("SpaceToDepth", 1, n -> new DepthSpaceKernel(n, false));
  }
}
