package dev.vireo.optimize;

import dev.vireo.kernel.KernelRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a pass may consult while it rewrites: the model's opset imports (which it may extend
 * when it introduces a new domain), the kernels (for constant folding, and to check a fused op
 * can run), and whether the result must stay portable (standard ONNX ops only).
 */
public final class PassContext {
  private final Map<String, Integer> opsets;
  private final KernelRegistry kernels;
  private final boolean portable;

  /**
   * @param opsets the model's opset imports, domain ("" for ai.onnx) to version; copied
   * @param portable true when passes must not produce ops outside the standard ONNX domain
   */
  public PassContext(Map<String, Integer> opsets, KernelRegistry kernels, boolean portable) {
    this.opsets = new LinkedHashMap<>(opsets);
    this.kernels = kernels;
    this.portable = portable;
  }

  /** The imported version of {@code domain}, or -1 when the model does not import it. */
  public int opset(String domain) {
    return opsets.getOrDefault(domain, -1);
  }

  /**
   * Imports {@code domain} at {@code version} unless the model already imports it, and returns
   * the version in force; new nodes of that domain must carry it.
   */
  public int importDomain(String domain, int version) {
    return opsets.computeIfAbsent(domain, d -> version);
  }

  /** The opset imports after the passes added theirs. */
  public Map<String, Integer> opsets() {
    return Collections.unmodifiableMap(opsets);
  }

  public KernelRegistry kernels() {
    return kernels;
  }

  public boolean portable() {
    return portable;
  }
}
