package dev.vireo.error;

/** Running a model failed: a kernel rejected its inputs or a value was missing. */
public class InferenceException extends VireoException {
  public InferenceException(NodeContext node, String reason, Throwable cause) {
    super(Phase.EXECUTE, node, reason, cause);
  }

  public InferenceException(String reason) {
    super(Phase.EXECUTE, reason);
  }
}
