package dev.vireo.cli;

import dev.vireo.error.InferenceException;
import dev.vireo.error.ModelLoadException;
import dev.vireo.error.VireoException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns every error into one line on stderr ({@code vireo: <message>}) and an exit code; the
 * stack trace follows only with {@code --verbose}.
 *
 * <p>Exit codes: {@link ModelLoadException} (including unsupported operators) is {@link
 * VireoCli#LOAD_FAILED}; {@link InferenceException} is {@link VireoCli#INFERENCE_FAILED};
 * picocli's parameter errors, {@link IllegalArgumentException} (bad input files, wrong input
 * names, types or shapes) and I/O errors on user-given paths are {@link VireoCli#USAGE}. Commands
 * convert anything else to one of these where it happens (see {@link Models}).
 */
final class Failures
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  static int exitCode(Throwable t) {
    if (t instanceof ModelLoadException) {
      return VireoCli.LOAD_FAILED;
    }
    if (t instanceof InferenceException) {
      return VireoCli.INFERENCE_FAILED;
    }
    if (t instanceof IllegalArgumentException || t instanceof CommandLine.ParameterException
        || t instanceof IOException || t instanceof UncheckedIOException) {
      return VireoCli.USAGE;
    }
    return VireoCli.INFERENCE_FAILED;
  }

  /** One line describing t. */
  static String message(Throwable t) {
    String m = t.getMessage();
    if (t instanceof StackOverflowError) {
      m = "stack overflow";
    } else if (t instanceof OutOfMemoryError) {
      m = "out of memory" + (m == null ? "" : ": " + m);
    } else if (m == null || m.isBlank()) {
      m = t.getClass().getSimpleName();
    } else if (!(t instanceof VireoException || t instanceof IllegalArgumentException
        || t instanceof CommandLine.ParameterException || t instanceof UncheckedIOException)) {
      // programming errors and checked exceptions: the type is part of the news
      m = t.getClass().getSimpleName() + ": " + m;
    }
    return m.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
  }

  /** Prints t as one line (plus the stack trace when verbose) and returns its exit code. */
  static int report(Throwable t, PrintWriter err, boolean verbose) {
    err.println("vireo: " + message(t));
    if (verbose) {
      t.printStackTrace(err);
    }
    err.flush();
    return exitCode(t);
  }

  static boolean verbose(CommandLine cl) {
    return cl.getCommandSpec().root().userObject() instanceof VireoCli v && v.verbose;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    return report(ex, commandLine.getErr(), verbose(commandLine));
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String command = cl.getCommandSpec().qualifiedName();
    err.println("vireo: " + message(ex) + " (see '" + command + " --help')");
    if (verbose(cl)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return VireoCli.USAGE;
  }
}
