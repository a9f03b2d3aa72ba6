package dev.millrace.cli.command;

/** What {@code help} prints. */
final class HelpText {

  static final String TEXT =
      """
      Statements end with ';' and may span several lines. Everything that is not a shell command
      below goes to the server: CREATE STREAM|TABLE, INSERT INTO, SELECT, SHOW STREAMS|TABLES|QUERIES|
      TOPICS|PROPERTIES|VARIABLES, DESCRIBE [EXTENDED] <name>, EXPLAIN <query id>, TERMINATE <query
      id>, PAUSE|RESUME <query id>|ALL, DROP ...

      Shell commands:
        RUN SCRIPT 'file.sql';       run every statement of a file, stopping at the first error
        SET 'property' = 'value';    send a property with every statement of this session
        UNSET 'property';            stop sending a property
        DEFINE name = 'value';       define a variable for this session; ${name} in a statement
                                     is replaced by its value (SHOW VARIABLES lists them)
        UNDEFINE name;               forget a variable
        SPOOL 'file.txt';            copy all output to a file; SPOOL OFF; stops
        help                         show this text
        exit, quit or Ctrl-D         leave the shell

      Push queries (SELECT ... EMIT CHANGES) print rows as they arrive; Ctrl-C stops the query.
      PRINT <topic> [FROM BEGINNING] [INTERVAL n] [LIMIT n]; shows a topic's records; Ctrl-C stops it.
      Tab completes keywords and the names of streams, tables and columns.
      """;

  private HelpText() {}
}
