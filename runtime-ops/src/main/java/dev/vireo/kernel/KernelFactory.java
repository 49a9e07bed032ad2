package dev.vireo.kernel;

import dev.vireo.ir.Node;

/** Creates the kernel for a node, reading and validating its attributes once. */
@FunctionalInterface
public interface KernelFactory {
  /**
   * @throws IllegalArgumentException when an attribute is missing or invalid
   */
  Kernel create(Node node);
}
