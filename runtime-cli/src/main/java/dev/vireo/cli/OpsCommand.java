package dev.vireo.cli;

import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.OperatorTable;
import dev.vireo.kernel.StandardKernels;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vireo ops}: the operators Vireo has kernels for, from the kernel registry. */
@Command(name = "ops", mixinStandardHelpOptions = true, versionProvider = VireoCli.Version.class,
    description = "List the supported operators (domain, op, opsets, element types).")
final class OpsCommand extends VireoCommand {
  @Option(names = "--markdown", description = "Print the Markdown table embedded in README.md.")
  boolean markdown;

  @Override
  int execute() {
    KernelRegistry registry = StandardKernels.registry();
    PrintWriter out = out();
    if (markdown) {
      out.print(OperatorTable.markdown(registry));
      return VireoCli.OK;
    }
    List<OperatorTable.Row> rows = OperatorTable.rows(registry);
    int[] w = {"domain".length(), "operator".length(), "opsets".length()};
    for (OperatorTable.Row r : rows) {
      w[0] = Math.max(w[0], r.domain().length());
      w[1] = Math.max(w[1], r.opType().length());
      w[2] = Math.max(w[2], r.opsets().length());
    }
    String format = "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s%n";
    out.printf(format, "domain", "operator", "opsets", "element types");
    for (OperatorTable.Row r : rows) {
      out.printf(format, r.domain(), r.opType(), r.opsets(), r.types());
    }
    out.println(rows.size() + " operators");
    return VireoCli.OK;
  }
}
