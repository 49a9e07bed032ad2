package dev.vireo.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent per operator type, summed over every node run since the
 * profile was created or {@link #reset} (a control-flow node's time includes its subgraph's nodes,
 * which are also counted on their own). Safe to update from concurrent runs.
 */
public final class Profile {
  /** One operator type's total: {@code op} is "domain:Op" for non-ONNX domains, else "Op". */
  public record Entry(String op, long calls, long nanos) {}

  private record Acc(LongAdder calls, LongAdder nanos) {}

  private final Map<String, Acc> byOp = new ConcurrentHashMap<>();

  void add(String op, long nanos) {
    Acc a = byOp.computeIfAbsent(op, k -> new Acc(new LongAdder(), new LongAdder()));
    a.calls.increment();
    a.nanos.add(nanos);
  }

  /** Totals, most time first. */
  public List<Entry> entries() {
    List<Entry> r = new ArrayList<>();
    byOp.forEach((op, a) -> r.add(new Entry(op, a.calls.sum(), a.nanos.sum())));
    r.sort(Comparator.comparingLong(Entry::nanos).reversed());
    return r;
  }

  public void reset() {
    byOp.clear();
  }

  /** A text table: op, calls, total ms, share of the total. */
  public String format() {
    List<Entry> es = entries();
    long total = es.stream().mapToLong(Entry::nanos).sum();
    StringBuilder b = new StringBuilder(String.format("%-32s %8s %12s %7s%n", "op", "calls", "total ms", "share"));
    for (Entry e : es) {
      b.append(String.format("%-32s %8d %12.3f %6.1f%%%n", e.op(), e.calls(), e.nanos() / 1e6,
          total == 0 ? 0.0 : 100.0 * e.nanos() / total));
    }
    return b.toString();
  }
}
