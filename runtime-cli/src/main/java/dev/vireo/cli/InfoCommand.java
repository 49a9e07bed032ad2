package dev.vireo.cli;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vireo info MODEL}: what a model declares and contains. Uses only the loader, so it works
 * on models whose operators Vireo lacks, and then lists those operators.
 */
@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VireoCli.Version.class,
    description = "Show a model's inputs, outputs, opsets, metadata, operators and parameters.")
final class InfoCommand extends VireoCommand {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .onnx file.")
  Path modelFile;

  /** One (domain, op type, opset) without a kernel, with how many nodes use it. */
  record Missing(String domain, String opType, int opset, String detail, int nodes) {}

  @Override
  int execute() throws Exception {
    Model model = Models.load(modelFile);
    Graph g = model.graph();
    PrintWriter out = out();
    out.println("model:     " + modelFile + " (" + bytes(Files.size(modelFile)) + ")");
    out.println("ir:        version " + model.irVersion());
    String producer = (model.producerName() + " " + model.producerVersion()).strip();
    out.println("producer:  " + (producer.isEmpty() ? "(none)" : producer));
    if (!model.domain().isEmpty() || model.modelVersion() != 0) {
      out.println("domain:    " + model.domain() + " (model version " + model.modelVersion() + ")");
    }
    out.println("opsets:    " + model.opsetImports().entrySet().stream()
        .map(e -> (e.getKey().isEmpty() ? "ai.onnx" : e.getKey()) + " " + e.getValue())
        .collect(Collectors.joining(", ")));
    if (!model.metadata().isEmpty()) {
      out.println("metadata:");
      model.metadata().forEach((k, v) -> out.println("  " + k + " = " + v.replace('\n', ' ')));
    }
    out.println("inputs:");
    for (Value v : g.requiredInputs()) {
      out.println("  " + v.name() + ": " + type(v.type()));
    }
    long overridable = g.inputs().stream().filter(v -> v.initializer() != null).count();
    if (overridable > 0) {
      out.println("  (and " + overridable + " initializers that are also inputs)");
    }
    out.println("outputs:");
    for (Value v : g.outputs()) {
      out.println("  " + v.name() + ": " + type(v.type()));
    }
    long params = 0;
    long paramBytes = 0;
    for (Value v : g.initializers()) {
      Tensor t = v.initializer();
      params += t.size();
      paramBytes += tensorBytes(t);
    }
    out.println("parameters: " + String.format(Locale.ROOT, "%,d", params) + " in "
        + g.initializers().size() + " initializers (" + bytes(paramBytes) + ")");

    Map<String, Integer> histogram = new LinkedHashMap<>();
    Map<String, Missing> missing = new LinkedHashMap<>();
    int nodes = scan(g, StandardKernels.registry(), histogram, missing);
    out.println("nodes:     " + nodes + " (" + histogram.size() + " operator types)");
    List<Map.Entry<String, Integer>> ops = new ArrayList<>(histogram.entrySet());
    ops.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    int width = ops.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
    for (Map.Entry<String, Integer> e : ops) {
      out.println("  " + pad(e.getKey(), width) + "  " + e.getValue());
    }
    if (missing.isEmpty()) {
      out.println("supported: yes, every operator has a kernel");
    } else {
      out.println("supported: no, " + missing.size() + " operator" + (missing.size() == 1 ? "" : "s")
          + " without a kernel:");
      for (Missing m : missing.values()) {
        out.println("  " + m.domain() + " " + m.opType() + " opset " + m.opset()
            + (m.detail() == null ? "" : " " + m.detail()) + " (" + m.nodes() + " node"
            + (m.nodes() == 1 ? "" : "s") + ")");
      }
    }
    return VireoCli.OK;
  }

  /**
   * Counts the nodes of a graph and its subgraphs by op type and collects the (domain, op, opset)
   * triples the registry has no kernel for; returns the number of nodes.
   */
  static int scan(Graph g, KernelRegistry registry, Map<String, Integer> histogram, Map<String, Missing> missing) {
    int count = 0;
    for (Node n : g.nodes()) {
      count++;
      String key = n.domain().isEmpty() ? n.opType() : n.domain() + ":" + n.opType();
      histogram.merge(key, 1, Integer::sum);
      KernelRegistry.Lookup l = registry.find(n.domain(), n.opType(), n.opset(), k -> elemType(n, k));
      if (l.registration() == null) {
        String id = n.domainLabel() + " " + n.opType() + " " + n.opset() + " " + l.missingDetail();
        Missing prev = missing.get(id);
        missing.put(id, new Missing(n.domainLabel(), n.opType(), n.opset(), l.missingDetail(),
            prev == null ? 1 : prev.nodes() + 1));
      }
      for (Attribute a : n.attributes().values()) {
        if (a.kind() == Attribute.Kind.GRAPH) {
          count += scan(a.graphValue(), registry, histogram, missing);
        } else if (a.kind() == Attribute.Kind.GRAPHS) {
          for (Graph sub : a.graphsValue()) {
            count += scan(sub, registry, histogram, missing);
          }
        }
      }
    }
    return count;
  }

  private static DType elemType(Node n, int input) {
    Value v = n.input(input);
    return v != null && v.type() instanceof ValueType.TensorType t ? t.elemType() : null;
  }

  static String type(ValueType t) {
    return t == null ? "?" : t.toString();
  }

  private static long tensorBytes(Tensor t) {
    if (t.dtype() == DType.STRING) {
      long n = 0;
      for (String s : t.strings()) {
        n += s.getBytes(StandardCharsets.UTF_8).length;
      }
      return n;
    }
    return (long) t.size() * t.dtype().byteSize();
  }

  /** E.g. {@code 812 B}, {@code 86.7 MiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
