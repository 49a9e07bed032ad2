package dev.vireo.error;

/**
 * Base of Vireo's errors: an unchecked exception whose one-line message carries the phase and,
 * where known, the node, op, domain and opset, e.g. {@code [execute] MatMul 'layer0/MatMul'
 * (ai.onnx opset 13): inner dimensions differ: A f32[1,128,768] x B f32[512,768]}.
 */
public class VireoException extends RuntimeException {
  private final Phase phase;
  private final String reason;
  private final NodeContext node;

  /** Where an error happened: a node's name, op type, domain and opset (any may be null/0). */
  public record NodeContext(String name, String opType, String domain, int opset) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      if (opType != null) {
        b.append(opType).append(' ');
      }
      b.append('\'').append(name == null ? "" : name).append('\'');
      if (opType != null) {
        b.append(" (").append(domain == null || domain.isEmpty() ? "ai.onnx" : domain);
        if (opset > 0) {
          b.append(" opset ").append(opset);
        }
        b.append(')');
      }
      return b.toString();
    }
  }

  public VireoException(Phase phase, NodeContext node, String reason, Throwable cause) {
    super(format(phase, node, reason), cause);
    this.phase = phase;
    this.reason = reason;
    this.node = node;
  }

  public VireoException(Phase phase, String reason) {
    this(phase, null, reason, null);
  }

  public Phase phase() {
    return phase;
  }

  /** The message without the phase and node prefix. */
  public String reason() {
    return reason;
  }

  /** The node the error is about, or null. */
  public NodeContext node() {
    return node;
  }

  private static String format(Phase phase, NodeContext node, String reason) {
    String r = reason == null ? "" : reason.replace('\n', ' ').replace('\r', ' ');
    return "[" + phase + "] " + (node == null ? "" : node + ": ") + r;
  }
}
