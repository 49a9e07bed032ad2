package dev.vireo.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the subcommands: runs {@link #execute()} and reports any error as one line with its
 * exit code, so that no stack trace escapes even on a command line built without {@link
 * VireoCli#commandLine()}'s handlers.
 */
abstract class VireoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Does the work; returns the exit code. */
  abstract int execute() throws Exception;

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (CommandLine.ParameterException e) {
      throw e; // picocli's parameter handler reports it as a usage error
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return Failures.report(e, err(), Failures.verbose(spec.commandLine()));
    } finally {
      out().flush();
      err().flush();
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
