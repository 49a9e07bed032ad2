package dev.vireo.kernel;

import dev.vireo.tensor.DType;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One registered kernel: the (domain, op type) it implements, the opset versions it covers
 * (inclusive), the element types it accepts for its type-defining input, and its factory.
 *
 * @param typeInput the input whose element type {@code types} constrains (usually 0)
 * @param types accepted element types; empty means any
 */
public record KernelRegistration(
    String domain,
    String opType,
    int sinceVersion,
    int untilVersion,
    int typeInput,
    Set<DType> types,
    KernelFactory factory) {

  public KernelRegistration {
    domain = domain == null || domain.equals("ai.onnx") ? "" : domain;
    types = Set.copyOf(types);
  }

  public boolean covers(int opset) {
    return opset >= sinceVersion && opset <= untilVersion;
  }

  public boolean accepts(DType t) {
    return t == null || types.isEmpty() || types.contains(t);
  }

  /** The domain as written in messages and tables. */
  public String domainLabel() {
    return domain.isEmpty() ? "ai.onnx" : domain;
  }

  /** E.g. {@code 13+} or {@code 7-12}. */
  public String versionLabel() {
    return untilVersion >= KernelRegistry.LATEST ? sinceVersion + "+" : sinceVersion + "-" + untilVersion;
  }

  /** Sorted short type names, or {@code any}. */
  public String typesLabel() {
    return types.isEmpty()
        ? "any"
        : types.stream().sorted().map(DType::shortName).collect(Collectors.joining(", "));
  }
}
