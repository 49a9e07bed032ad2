package dev.vireo.error;

import java.util.List;
import java.util.stream.Collectors;

/** A model uses operators (or element types) Vireo has no kernel for; lists every one of them. */
public class UnsupportedOperatorException extends ModelLoadException {
  /** One missing operator: domain, op type, the model's opset for that domain, what else is missing, and the nodes using it. */
  public record Missing(String domain, String opType, int opset, String detail, List<String> nodes) {
    @Override
    public String toString() {
      String d = domain == null || domain.isEmpty() ? "ai.onnx" : domain;
      String shown =
          nodes.stream().limit(3).map(n -> "'" + n + "'").collect(Collectors.joining(", "));
      if (nodes.size() > 3) {
        shown += " and " + (nodes.size() - 3) + " more";
      }
      return d + " " + opType + " opset " + opset + (detail == null ? "" : " " + detail)
          + " (node " + shown + ")";
    }
  }

  private final List<Missing> missing;

  public UnsupportedOperatorException(List<Missing> missing) {
    super(
        Phase.PLAN,
        missing.size() + " unsupported operator" + (missing.size() == 1 ? "" : "s") + ": "
            + missing.stream().map(Missing::toString).collect(Collectors.joining("; ")));
    this.missing = List.copyOf(missing);
  }

  public List<Missing> missing() {
    return missing;
  }
}
