package dev.millrace.cli.command;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A statement the shell handles itself instead of sending it to the server: {@code RUN SCRIPT},
 * {@code SET}, {@code UNSET}, {@code DEFINE}, {@code UNDEFINE}, {@code SPOOL}, {@code help} and
 * {@code exit}/{@code quit}.
 */
public sealed interface LocalCommand {

  /** {@code RUN SCRIPT 'file.sql';} runs each statement of the file. */
  record RunScript(Path file) implements LocalCommand {}

  /** {@code SET 'name' = 'value';} adds a property sent with every later request of the session. */
  record SetProperty(String name, String value) implements LocalCommand {}

  /** {@code UNSET 'name';} removes a session property. */
  record UnsetProperty(String name) implements LocalCommand {}

  /**
   * {@code DEFINE name = 'value';} sets a variable sent with every later request of the session,
   * for the server to substitute in {@code ${name}} references.
   */
  record DefineVariable(String name, String value) implements LocalCommand {}

  /** {@code UNDEFINE name;} removes a session variable. */
  record UndefineVariable(String name) implements LocalCommand {}

  /**
   * {@code SPOOL 'file';} copies all output to a file; {@code SPOOL OFF;} ({@code file} empty)
   * stops.
   */
  record Spool(Optional<Path> file) implements LocalCommand {}

  /** {@code help} lists the shell's commands. */
  record Help() implements LocalCommand {}

  /** {@code exit} or {@code quit} leaves the shell. */
  record Exit() implements LocalCommand {}

  /**
   * The shell command {@code statement} is (case-insensitive, with or without its {@code ;}); empty
   * when it is a statement for the server.
   *
   * @throws LocalCommandException when it starts like a shell command but is malformed
   */
  static Optional<LocalCommand> parse(String statement) throws LocalCommandException {
    return LocalCommandParser.parse(statement);
  }
}
