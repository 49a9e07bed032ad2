package dev.vireo.kernel.random;

import dev.vireo.ir.Node;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The generator of one run: seeded from the node's {@code seed} attribute (so the same seed gives
 * the same values in every run and on every thread), or from a fresh seed per run without one.
 * Each run gets its own generator; kernels hold no mutable random state.
 */
final class Seeds {
  /** Spreads the seed's bits so nearby float seeds give unrelated streams. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final boolean seeded;
  private final long seed;

  Seeds(Node n) {
    seeded = n.hasAttr("seed");
    seed = seeded ? Float.floatToIntBits(n.attrFloat("seed", 0f)) * GOLDEN : 0;
  }

  /** A new generator for one run. */
  SplittableRandom next() {
    return new SplittableRandom(seeded ? seed : ThreadLocalRandom.current().nextLong());
  }
}
