package dev.vireo.optimize.transformer;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses {@code Transpose(Transpose(x, p1), p2)}: when the composed permutation is the
 * identity the readers of the outer Transpose read x, otherwise the outer one becomes a single
 * {@code Transpose(x, p1∘p2)}. Both perms must be given explicitly (the default reverses the
 * dims, which needs the rank). The inner Transpose stays while other nodes read it.
 */
public final class TransposeCancellation implements GraphPass {
  @Override
  public String name() {
    return "transpose-cancellation";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    GraphEditor ed = new GraphEditor(graph);
    int rewrites = 0;
    for (Node s : ed.snapshot()) {
      Node outer = ed.current(s);
      if (outer == null || !outer.domain().isEmpty() || !outer.opType().equals("Transpose")) {
        continue;
      }
      Node inner = Match.producer(ed, outer.input(0), "Transpose");
      long[] p1 = inner == null ? null : inner.attrInts("perm", null);
      long[] p2 = outer.attrInts("perm", null);
      if (p1 == null || p2 == null || p1.length != p2.length) {
        continue;
      }
      // out[i] = mid[p2[i]] = x[p1[p2[i]]]
      long[] composed = new long[p2.length];
      boolean identity = true;
      for (int i = 0; i < p2.length; i++) {
        composed[i] = p1[(int) p2[i]];
        identity &= composed[i] == i;
      }
      Value x = inner.input(0);
      if (identity) {
        if (ed.isGraphOutput(outer.output(0)) || !ed.replaceAllUses(outer.output(0), x)) {
          continue;
        }
        ed.remove(outer);
      } else {
        Map<String, Attribute> attrs = new LinkedHashMap<>(outer.attributes());
        attrs.put("perm", Attribute.ints("perm", composed));
        ed.swap(outer, new Node(outer.name(), outer.domain(), "Transpose", outer.opset(),
            List.of(x), outer.outputs(), attrs));
      }
      rewrites++;
    }
    return rewrites;
  }
}
