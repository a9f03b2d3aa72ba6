package dev.millrace.planner.explain;

import dev.millrace.engine.operator.PlanSteps;
import dev.millrace.engine.operator.StepCounts;
import dev.millrace.engine.plan.AggregateCall;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.WindowInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A physical plan as an indented tree, one step per line followed by its schema, sinks first:
 *
 * <pre>
 * StreamSink topic=OUTPUT formats=KAFKA/JSON
 *   schema: `ID` BIGINT KEY, `NAME` STRING
 *   StreamSelect values=[UCASE(NAME)]
 * </pre>
 */
public final class StepText {
  private StepText() {}

  public static String of(PlanStep root) {
    StringBuilder out = new StringBuilder();
    append(root, 0, out, (step, number) -> "", 0);
    return out.toString();
  }

  /**
   * The plan with what each step has done so far (EXPLAIN ANALYZE): under each step's schema, a
   * {@code counts:} line with its rows in and out, the rows a filter dropped, its processing errors
   * and, for a step that keeps state, the bytes its store takes.
   *
   * <pre>
   * StreamFilter predicate=(PRICE > 10)
   *   schema: `ID` BIGINT KEY, `NAME` STRING, `PRICE` INTEGER
   *   counts: in=3 out=1 filtered=1 errors=1
   * </pre>
   *
   * @param counts each step's counts, by step number ({@link PlanSteps#preOrder})
   * @param storeBytes the bytes each store takes, by store name
   */
  public static String analyzed(
      PlanStep root, List<StepCounts> counts, Map<String, Long> storeBytes) {
    StringBuilder out = new StringBuilder();
    append(root, 0, out, (step, number) -> counts(step, counts.get(number), storeBytes), 0);
    return out.toString();
  }

  private static String counts(PlanStep step, StepCounts counts, Map<String, Long> storeBytes) {
    StringBuilder line =
        new StringBuilder("counts: in=").append(counts.recordsIn()).append(" out=");
    line.append(counts.recordsOut());
    if (step instanceof PlanStep.StreamFilter || step instanceof PlanStep.TableFilter) {
      // Rows read but neither passed on nor failed; live counters may be a row apart meanwhile.
      long dropped = counts.recordsIn() - counts.recordsOut() - counts.errors();
      line.append(" filtered=").append(Math.max(0, dropped));
    }
    line.append(" errors=").append(counts.errors());
    storeName(step)
        .ifPresent(
            store ->
                line.append(" state=").append(storeBytes.getOrDefault(store, 0L)).append(" bytes"));
    return line.toString();
  }

  /** The store a step keeps its state in, if it keeps state. */
  private static Optional<String> storeName(PlanStep step) {
    if (step instanceof PlanStep.TableSource s) {
      return Optional.of(s.storeName());
    } else if (step instanceof PlanStep.StreamAggregate s) {
      return Optional.of(s.storeName());
    } else if (step instanceof PlanStep.TableAggregate s) {
      return Optional.of(s.storeName());
    } else if (step instanceof PlanStep.TableSuppress s) {
      return Optional.of(s.storeName());
    } else if (step instanceof PlanStep.StreamStreamJoin s) {
      return Optional.of(s.storeName());
    } else if (step instanceof PlanStep.TableRepartition s) {
      return Optional.of(s.storeName());
    }
    return Optional.empty();
  }

  /** Text for the line under a step's schema, given the step and its number; empty for none. */
  private interface Annotation {
    String of(PlanStep step, int number);
  }

  /** Appends {@code step} and its sources, numbering them from {@code number}; the next number. */
  private static int append(
      PlanStep step, int depth, StringBuilder out, Annotation annotation, int number) {
    String indent = "  ".repeat(depth);
    out.append(indent).append(step.getClass().getSimpleName()).append(details(step)).append('\n');
    out.append(indent).append("  schema: ").append(step.schema().toSql()).append('\n');
    String note = annotation.of(step, number);
    if (!note.isEmpty()) {
      out.append(indent).append("  ").append(note).append('\n');
    }
    int next = number + 1;
    for (PlanStep source : step.sources()) {
      next = append(source, depth + 1, out, annotation, next);
    }
    return next;
  }

  private static String details(PlanStep step) {
    return step.accept(DETAILS);
  }

  /** The attributes of each kind of step worth showing, after its name. */
  private static final PlanStep.Visitor<String> DETAILS =
      new PlanStep.Visitor<>() {
        @Override
        public String streamSource(PlanStep.StreamSource s) {
          return " topic="
              + s.topic()
              + " formats="
              + formats(s.formats())
              + s.timestampColumn().map(c -> " timestamp=" + c).orElse("")
              + (s.skippedColumns().isEmpty() ? "" : " unread=" + s.skippedColumns());
        }

        @Override
        public String tableSource(PlanStep.TableSource s) {
          return " topic="
              + s.topic()
              + " formats="
              + formats(s.formats())
              + " store="
              + s.storeName()
              + s.timestampColumn().map(c -> " timestamp=" + c).orElse("");
        }

        @Override
        public String streamFilter(PlanStep.StreamFilter f) {
          return " predicate=" + ExprText.of(f.predicate());
        }

        @Override
        public String tableFilter(PlanStep.TableFilter f) {
          return " predicate=" + ExprText.of(f.predicate());
        }

        @Override
        public String streamSelect(PlanStep.StreamSelect s) {
          return " values=" + exprs(s.values());
        }

        @Override
        public String streamFlatMap(PlanStep.StreamFlatMap m) {
          return " tableFunctions=" + exprs(m.tableFunctions());
        }

        @Override
        public String tableSelect(PlanStep.TableSelect s) {
          return " values=" + exprs(s.values());
        }

        @Override
        public String streamSelectKey(PlanStep.StreamSelectKey k) {
          return " keys="
              + exprs(k.keys())
              + repartition(k.repartitionTopic())
              + k.window().map(w -> " window=" + window(w)).orElse("");
        }

        @Override
        public String streamGroupBy(PlanStep.StreamGroupBy g) {
          return " keys=" + exprs(g.keys()) + repartition(g.repartitionTopic());
        }

        @Override
        public String streamAggregate(PlanStep.StreamAggregate a) {
          return " aggregates="
              + a.aggregates().stream()
                  .map(StepText::aggregate)
                  .collect(Collectors.joining(", ", "[", "]"))
              + a.window().map(w -> " window=" + window(w)).orElse("")
              + " store="
              + a.storeName();
        }

        @Override
        public String tableSuppress(PlanStep.TableSuppress s) {
          return " store=" + s.storeName();
        }

        @Override
        public String tableGroupBy(PlanStep.TableGroupBy g) {
          return " keys=" + exprs(g.keys()) + repartition(g.repartitionTopic());
        }

        @Override
        public String tableAggregate(PlanStep.TableAggregate a) {
          return " aggregates="
              + a.aggregates().stream()
                  .map(StepText::aggregate)
                  .collect(Collectors.joining(", ", "[", "]"))
              + " store="
              + a.storeName();
        }

        @Override
        public String streamTableJoin(PlanStep.StreamTableJoin j) {
          return " type=" + j.type();
        }

        @Override
        public String streamStreamJoin(PlanStep.StreamStreamJoin j) {
          return " type="
              + j.type()
              + " within=("
              + j.window().beforeMs()
              + " ms, "
              + j.window().afterMs()
              + " ms)"
              + (j.window().hasGrace() ? " grace=" + j.window().graceMs() + " ms" : "")
              + " store="
              + j.storeName();
        }

        @Override
        public String tableTableJoin(PlanStep.TableTableJoin j) {
          return " type=" + j.type();
        }

        @Override
        public String foreignKeyTableJoin(PlanStep.ForeignKeyTableJoin j) {
          return " type=" + j.type() + " foreignKey=" + ExprText.of(j.foreignKey());
        }

        @Override
        public String tableRepartition(PlanStep.TableRepartition r) {
          return " keyFormat="
              + format(r.keyFormat())
              + repartition(r.repartitionTopic())
              + " store="
              + r.storeName();
        }

        @Override
        public String streamSink(PlanStep.StreamSink s) {
          return " topic="
              + s.topic()
              + " formats="
              + formats(s.formats())
              + s.timestampColumn().map(c -> " timestamp=" + c).orElse("");
        }

        @Override
        public String tableSink(PlanStep.TableSink s) {
          return " topic="
              + s.topic()
              + " formats="
              + formats(s.formats())
              + s.timestampColumn().map(c -> " timestamp=" + c).orElse("");
        }

        @Override
        public String transientSink(PlanStep.TransientSink s) {
          return "";
        }
      };

  private static String repartition(String topic) {
    return topic.isEmpty() ? " (no repartition)" : " repartition=" + topic;
  }

  private static String exprs(List<Expr> exprs) {
    return exprs.stream().map(ExprText::of).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String aggregate(AggregateCall call) {
    List<String> args = call.arguments().stream().map(ExprText::of).collect(Collectors.toList());
    call.initArguments().forEach(a -> args.add(ExprText.of(a)));
    return call.name() + "(" + String.join(", ", args) + ")";
  }

  private static String formats(Formats formats) {
    return format(formats.key())
        + "/"
        + format(formats.value())
        + formats.keyWindow().map(w -> " window=" + window(w)).orElse("");
  }

  private static String format(FormatInfo info) {
    return info.format() + (info.options().isEmpty() ? "" : info.options().toString());
  }

  private static String window(WindowInfo window) {
    String text = window.type() + "(" + window.sizeMs() + " ms";
    if (window.type() == WindowInfo.Type.HOPPING) {
      text += ", advance " + window.advanceMs() + " ms";
    }
    return text + ")";
  }
}
