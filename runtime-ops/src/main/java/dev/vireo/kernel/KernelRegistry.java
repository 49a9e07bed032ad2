package dev.vireo.kernel;

import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Kernels by (domain, op type, opset range, element types).
 *
 * <p>A node is served by the registration of its domain and op type whose version range
 * contains the opset the model imports for that domain and whose types accept the node's
 * type-defining input.
 */
public final class KernelRegistry {
  /** Upper bound for registrations that cover every opset from their first. */
  public static final int LATEST = Integer.MAX_VALUE;

  private final List<KernelRegistration> registrations = new ArrayList<>();

  /** The result of a lookup: a registration, or why there is none. */
  public record Lookup(KernelRegistration registration, String missingDetail) {}

  public KernelRegistry add(KernelRegistration r) {
    registrations.add(r);
    return this;
  }

  /**
   * Registers a kernel for the default domain covering opsets {@code since..until} (inclusive)
   * whose input 0 may be any of {@code types} (none = any type).
   */
  public KernelRegistry add(String opType, int since, int until, KernelFactory f, DType... types) {
    return add(new KernelRegistration("", opType, since, until, 0, Set.of(types), f));
  }

  /** As {@link #add(String, int, int, KernelFactory, DType...)}, for every opset from since on. */
  public KernelRegistry add(String opType, int since, KernelFactory f, DType... types) {
    return add(opType, since, LATEST, f, types);
  }

  /**
   * Finds the kernel for a node.
   *
   * @param inputType the element type of the registration's type-defining input, or null if
   *     unknown
   * @return the registration, or a reason naming what is missing (an opset or a type)
   */
  public Lookup find(String domain, String opType, int opset, java.util.function.IntFunction<DType> inputType) {
    String d = domain == null || domain.equals("ai.onnx") ? "" : domain;
    boolean opKnown = false;
    boolean versionKnown = false;
    DType rejected = null;
    for (KernelRegistration r : registrations) {
      if (!r.domain().equals(d) || !r.opType().equals(opType)) {
        continue;
      }
      opKnown = true;
      if (!r.covers(opset)) {
        continue;
      }
      versionKnown = true;
      DType t = inputType.apply(r.typeInput());
      if (r.accepts(t)) {
        return new Lookup(r, null);
      }
      rejected = t;
    }
    if (!opKnown) {
      return new Lookup(null, null);
    }
    if (!versionKnown) {
      return new Lookup(null, "(no kernel for this opset)");
    }
    return new Lookup(null, "for element type " + rejected);
  }

  /** Every registration, sorted by domain, op type and first version. */
  public List<KernelRegistration> all() {
    List<KernelRegistration> l = new ArrayList<>(registrations);
    l.sort(
        Comparator.comparing(KernelRegistration::domain)
            .thenComparing(KernelRegistration::opType)
            .thenComparingInt(KernelRegistration::sinceVersion));
    return l;
  }
}
