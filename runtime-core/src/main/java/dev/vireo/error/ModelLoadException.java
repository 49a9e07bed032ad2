package dev.vireo.error;

/**
 * A model could not be loaded: the file is unreadable or malformed, the graph is invalid, or it
 * needs operators Vireo lacks. The message is one line naming the file and what was wrong.
 */
public class ModelLoadException extends VireoException {
  public ModelLoadException(Phase phase, NodeContext node, String reason, Throwable cause) {
    super(phase, node, reason, cause);
  }

  public ModelLoadException(Phase phase, String reason) {
    super(phase, reason);
  }

  public ModelLoadException(Phase phase, String reason, Throwable cause) {
    super(phase, null, reason, cause);
  }
}
