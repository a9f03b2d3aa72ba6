package dev.millrace.cli.command;

import dev.millrace.cli.command.LocalCommand.DefineVariable;
import dev.millrace.cli.command.LocalCommand.Exit;
import dev.millrace.cli.command.LocalCommand.Help;
import dev.millrace.cli.command.LocalCommand.RunScript;
import dev.millrace.cli.command.LocalCommand.SetProperty;
import dev.millrace.cli.command.LocalCommand.Spool;
import dev.millrace.cli.command.LocalCommand.UndefineVariable;
import dev.millrace.cli.command.LocalCommand.UnsetProperty;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the shell's own commands by their first keyword and reads their quoted arguments. */
final class LocalCommandParser {

  private static final String QUOTED = "'((?:[^']|'')*)'";
  private static final Pattern RUN_SCRIPT = pattern("RUN\\s+SCRIPT\\s+" + QUOTED);
  private static final Pattern SET = pattern("SET\\s+" + QUOTED + "\\s*=\\s*" + QUOTED);
  private static final Pattern UNSET = pattern("UNSET\\s+" + QUOTED);
  private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
  private static final Pattern DEFINE = pattern("DEFINE\\s+" + NAME + "\\s*=\\s*" + QUOTED);
  private static final Pattern UNDEFINE = pattern("UNDEFINE\\s+" + NAME);
  private static final Pattern SPOOL = pattern("SPOOL\\s+(?:OFF|" + QUOTED + ")");

  private LocalCommandParser() {}

  static Optional<LocalCommand> parse(String statement) throws LocalCommandException {
    String text = statement.strip();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    String keyword = StatementSplitter.firstKeyword(text);
    return Optional.ofNullable(
        switch (keyword) {
          case "HELP" -> text.equalsIgnoreCase(keyword) ? new Help() : null;
          case "EXIT", "QUIT" -> text.equalsIgnoreCase(keyword) ? new Exit() : null;
          case "RUN" ->
              new RunScript(
                  Path.of(argument(match(RUN_SCRIPT, text, "RUN SCRIPT 'file.sql';"), 1)));
          case "SET" -> {
            Matcher set = match(SET, text, "SET 'property' = 'value';");
            yield new SetProperty(argument(set, 1), argument(set, 2));
          }
          case "UNSET" -> new UnsetProperty(argument(match(UNSET, text, "UNSET 'property';"), 1));
          case "DEFINE" -> {
            Matcher define = match(DEFINE, text, "DEFINE name = 'value';");
            yield new DefineVariable(define.group(1), argument(define, 2));
          }
          case "UNDEFINE" -> new UndefineVariable(match(UNDEFINE, text, "UNDEFINE name;").group(1));
          case "SPOOL" -> {
            Matcher spool = match(SPOOL, text, "SPOOL 'file.txt'; or SPOOL OFF;");
            yield new Spool(
                spool.group(1) == null
                    ? Optional.empty()
                    : Optional.of(Path.of(argument(spool, 1))));
          }
          default -> null;
        });
  }

  private static Matcher match(Pattern pattern, String text, String usage)
      throws LocalCommandException {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.matches()) {
      throw new LocalCommandException("Expected " + usage + " but got: " + text);
    }
    return matcher;
  }

  /** A quoted argument with its doubled quotes undone. */
  private static String argument(Matcher matcher, int group) {
    return matcher.group(group).replace("''", "'");
  }

  private static Pattern pattern(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }
}
