package dev.vireo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code vireo} command: inspect, run, check and optimize ONNX models.
 *
 * <p>Exit codes: {@link #OK} (0), {@link #CHECK_FAILED} (1), {@link #USAGE} (2), {@link
 * #LOAD_FAILED} (3), {@link #INFERENCE_FAILED} (4). Every error is one line on stderr starting
 * with {@code vireo: }; {@code --verbose} adds the stack trace.
 */
@Command(
    name = "vireo",
    mixinStandardHelpOptions = true,
    versionProvider = VireoCli.Version.class,
    description = "Pure-Java ONNX inference runtime.",
    subcommands = {InfoCommand.class, RunCommand.class, CheckCommand.class, OpsCommand.class,
      OptimizeCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:check: some cases failed",
      "2:usage error (bad option, unreadable input, wrong input name, type or shape)",
      "3:the model cannot be loaded (malformed file, unsupported operators)",
      "4:inference failed"
    })
public final class VireoCli implements Runnable {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int USAGE = 2;
  public static final int LOAD_FAILED = 3;
  public static final int INFERENCE_FAILED = 4;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean verbose;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** A command line with Vireo's error handling: one-line messages and its exit codes. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new VireoCli());
    Failures handler = new Failures();
    cl.setExecutionExceptionHandler(handler);
    cl.setParameterExceptionHandler(handler);
    return cl;
  }

  /** Without a subcommand: print the usage and fail as a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required: info, run, check, ops or optimize (see 'vireo --help')");
  }

  /** The version from the build, and the Java running it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = VireoCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "vireo " + p.getProperty("version", "(unknown version)"),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
