package dev.vireo;

import dev.vireo.ir.Model;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;

/** Test access to sessions planned with a registry other than the standard one. */
public final class RegistrySessions {
  private RegistrySessions() {}

  /** As {@link Vireo#create}, with {@code registry} instead of the standard kernels, on one thread. */
  public static Session create(Model model, KernelRegistry registry) {
    ShapeInference.run(model.graph(), StandardOps.registry());
    return new Session(model, registry, SessionOptions.defaults().withThreads(1));
  }
}
