package dev.vireo.op.random;

import dev.vireo.op.OpDefRegistry;

/**
 * Registers the random generators: RandomUniform, RandomNormal, their Like forms, Bernoulli and
 * Multinomial.
 */
public final class RandomOps {
  private RandomOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new RandomDistribution("RandomUniform", false));
    r.register(new RandomDistribution("RandomNormal", false));
    r.register(new RandomDistribution("RandomUniformLike", true));
    r.register(new RandomDistribution("RandomNormalLike", true));
    r.register(new Bernoulli());
    r.register(new Multinomial());
  }
}
