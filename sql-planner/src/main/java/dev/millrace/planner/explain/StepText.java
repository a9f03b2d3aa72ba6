package dev.millrace.planner.explain;

import dev.millrace.engine.plan.AggregateCall;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.WindowInfo;
import java.util.List;
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
    append(root, 0, out);
    return out.toString();
  }

  private static void append(PlanStep step, int depth, StringBuilder out) {
    String indent = "  ".repeat(depth);
    out.append(indent).append(step.getClass().getSimpleName()).append(details(step)).append('\n');
    out.append(indent).append("  schema: ").append(step.schema().toSql()).append('\n');
    step.sources().forEach(source -> append(source, depth + 1, out));
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
              + s.timestampColumn().map(c -> " timestamp=" + c).orElse("");
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
          return " keys=" + exprs(k.keys()) + repartition(k.repartitionTopic());
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
