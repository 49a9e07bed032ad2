package dev.vireo.linalg;

/** Holds the {@link WindowRowOps} in use: the SIMD one when available, else the scalar one. */
public final class WindowRows {
  private static final WindowRowOps SCALAR = new ScalarWindowRowOps();
  private static final WindowRowOps OPS = pick();

  private WindowRows() {}

  private static WindowRowOps pick() {
    WindowRowOps v = Vectorization.load("dev.vireo.linalg.panama.PanamaWindowRowOps", WindowRowOps.class);
    return v != null ? v : SCALAR;
  }

  /** The implementation in use. */
  public static WindowRowOps ops() {
    return OPS;
  }

  /** The scalar reference. */
  public static WindowRowOps scalar() {
    return SCALAR;
  }
}
