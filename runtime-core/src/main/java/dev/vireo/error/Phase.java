package dev.vireo.error;

/** Where in a model's life an error happened; printed first in every message. */
public enum Phase {
  /** Reading and decoding the file. */
  LOAD,
  /** Turning ONNX nodes into IR nodes (opset differences). */
  IMPORT,
  /** Checking the graph: names, order, types and shapes. */
  VALIDATE,
  /** Graph rewrites. */
  OPTIMIZE,
  /** Resolving kernels and buffers for execution. */
  PLAN,
  /** Running a kernel. */
  EXECUTE;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
