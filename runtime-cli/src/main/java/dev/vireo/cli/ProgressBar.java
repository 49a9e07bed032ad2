package dev.vireo.cli;

import java.io.Console;
import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place with carriage returns, for a terminal only: when
 * stderr is redirected (a file, a pipe, a test) it prints nothing, so logs and parsed output stay
 * clean. Redraws at most every {@link #REDRAW_NANOS} and erases itself when done.
 */
final class ProgressBar {
  static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean enabled;
  private final String label;
  private final int total;
  private long lastDraw;

  ProgressBar(PrintWriter err, boolean enabled, String label, int total) {
    this.err = err;
    this.enabled = enabled && total > 0;
    this.label = label;
    this.total = total;
  }

  /**
   * Whether stderr is an interactive terminal. {@code System.console()} is null when the process
   * is not attached to one; on Java 22 and later it may exist while stderr is redirected, which
   * {@code Console.isTerminal()} tells (called reflectively: the code targets Java 21).
   */
  static boolean stderrIsTerminal() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Shows {@code done} of the total. */
  void update(int done) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int filled = (int) ((long) WIDTH * done / total);
    err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
    err.flush();
  }

  /** Erases the bar. */
  void finish() {
    if (enabled) {
      err.print("\r" + " ".repeat(label.length() + WIDTH + 24) + "\r");
      err.flush();
    }
  }
}
