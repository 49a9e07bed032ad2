package dev.vireo.quantize;

import java.io.PrintWriter;

/**
 * A one-line text progress bar ({@code label [#####.....] 12/32}) redrawn with carriage returns;
 * silent without a stream.
 */
public final class Progress {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final String label;
  private final int total;
  private int done;

  /** @param out where the bar is drawn (stderr in the CLI); null draws nothing */
  public Progress(PrintWriter out, String label, int total) {
    this.out = out;
    this.label = label;
    this.total = Math.max(total, 1);
    draw();
  }

  /** Counts one finished step and redraws; the last step ends the line. */
  public void step() {
    done = Math.min(done + 1, total);
    draw();
    if (done == total && out != null) {
      out.println();
    }
  }

  private void draw() {
    if (out == null) {
      return;
    }
    int filled = done * WIDTH / total;
    out.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
    out.flush();
  }
}
