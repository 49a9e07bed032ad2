package dev.vireo.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.index.IndexKernels;
import dev.vireo.kernel.layout.LayoutKernels;
import dev.vireo.kernel.resize.ResizeKernels;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The layout, index and resize families: each op is served without gaps from its first
 * registered opset to the last (Upsample ends at 9).
 */
class TensorOpsFamiliesTest {
  private static KernelRegistry families() {
    KernelRegistry r = new KernelRegistry();
    LayoutKernels.register(r);
    IndexKernels.register(r);
    ResizeKernels.register(r);
    return r;
  }

  @Test
  void opsetRangesHaveNoGaps() {
    Map<String, Integer> first = new TreeMap<>();
    for (KernelRegistration reg : families().all()) {
      first.merge(reg.opType(), reg.sinceVersion(), Math::min);
    }
    KernelRegistry standard = StandardKernels.registry();
    for (Map.Entry<String, Integer> e : first.entrySet()) {
      int last = e.getKey().equals("Upsample") ? 9 : 24;
      for (int opset = e.getValue(); opset <= last; opset++) {
        assertThat(standard.find("", e.getKey(), opset, i -> null).registration())
            .as("%s opset %d", e.getKey(), opset).isNotNull();
      }
    }
    assertThat(first).containsEntry("Pad", 2).containsEntry("Resize", 10).containsEntry("Unique", 11);
  }
}
