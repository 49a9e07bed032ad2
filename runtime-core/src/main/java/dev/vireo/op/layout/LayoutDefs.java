package dev.vireo.op.layout;

import dev.vireo.ir.Dim;
import dev.vireo.tensor.Tensor;

/** Helpers for layout op definitions. */
final class LayoutDefs {
  private LayoutDefs() {}

  /** The values of an integer constant, or null when t is null or not an integer tensor. */
  static long[] ints(Tensor t) {
    return t == null || !t.dtype().isInteger() ? null : t.toLongArray();
  }

  /** d + delta when d is known, else unknown. */
  static Dim plus(Dim d, long delta) {
    return d.isKnown() ? Dim.of(Math.max(0, d.value() + delta)) : Dim.unknown();
  }

  /** d * f when d is known, else unknown. */
  static Dim times(Dim d, long f) {
    return d.isKnown() ? Dim.of(d.value() * f) : Dim.unknown();
  }
}
