package dev.millrace.parser.ast;

import java.util.Optional;

/** The {@code WINDOW} clause of an aggregation. */
public sealed interface WindowExpression extends Node
    permits TumblingWindow, HoppingWindow, SessionWindow {

  /** {@code RETENTION n UNIT}: how long window state is kept, if written. */
  Optional<TimeSpan> retention();

  /** {@code GRACE PERIOD n UNIT}: how late a record may arrive, if written. */
  Optional<TimeSpan> grace();
}
