package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.SqlTypeParser;
import dev.millrace.engine.types.Struct;
import java.util.ArrayList;
import java.util.List;

/** User functions as a jar would supply them, for {@link UserFunctionsTest}. */
final class ExampleUdfs {
  private ExampleUdfs() {}

  /** A scalar function with plain, generic and varargs overloads. */
  @UdfDescription(name = "pick", description = "Test function.")
  public static final class Pick {
    @Udf(description = "The larger of two ints.")
    public int pick(int a, int b) {
      return Math.max(a, b);
    }

    @Udf
    public <T> T pick(List<T> list, Integer index) {
      return index == null || index >= list.size() ? null : list.get(index);
    }

    @Udf
    public String pick(String separator, String... parts) {
      return String.join(separator, parts);
    }
  }

  /** A user table function repeating a value. */
  @UdtfDescription(name = "repeat_value", description = "Repeats a value n times.")
  public static final class RepeatValue {
    @Udtf
    public <T> List<T> repeat(T value, int times) {
      return java.util.Collections.nCopies(times, value);
    }
  }

  /** A user aggregate summing string lengths. */
  @UdafDescription(name = "sum_lengths", description = "Sums the lengths of strings.")
  public static final class SumLengths {
    @UdafFactory
    public static Udaf<String, Long, Long> create(Integer bonus) {
      return new Udaf<>() {
        public Long initialize() {
          return (long) bonus;
        }

        public Long aggregate(String value, Long aggregate) {
          return value == null ? aggregate : aggregate + value.length();
        }

        public Long merge(Long left, Long right) {
          return left + right;
        }

        public Long map(Long aggregate) {
          return aggregate;
        }
      };
    }
  }

  /** Scalar functions taking and returning a STRUCT declared by its schema. */
  @UdfDescription(name = "labelled", description = "Makes and reads labelled counts.")
  public static final class Labelled {
    static final String SCHEMA = "STRUCT<LABEL VARCHAR, N INT>";
    private static final SqlType.Struct TYPE = (SqlType.Struct) SqlTypeParser.parse(SCHEMA);

    @Udf(schema = SCHEMA)
    public Struct labelled(@UdfParameter("name") String label, int count) {
      return new Struct(TYPE, new Object[] {label, count});
    }

    @Udf
    public String labelled(@UdfParameter(value = "labelled", schema = SCHEMA) Struct value) {
      return value == null ? null : value.get("LABEL") + "=" + value.get("N");
    }
  }

  /** A scalar function over temporal types, which the schemas name. */
  @UdfDescription(name = "day_of", description = "The day of a timestamp.")
  public static final class DayOf {
    @Udf(schema = "DATE")
    public Integer dayOf(@UdfParameter(schema = "TIMESTAMP") Long millis) {
      return millis == null ? null : (int) Math.floorDiv(millis, 86_400_000L);
    }
  }

  /**
   * A user aggregate over a column and any number of INT columns, with a literal separator after
   * them: joins each row's text and the sum of its numbers.
   */
  @UdafDescription(name = "join_sums", description = "Joins texts with their numbers' sums.")
  public static final class JoinSums {
    @UdafFactory
    public static Udaf<Pair<String, VariadicArgs<Integer>>, String, String> create(
        String separator) {
      return Folding.of(
          "",
          (row, text) -> {
            int sum = row.second().stream().mapToInt(n -> n == null ? 0 : n).sum();
            return text + (text.isEmpty() ? "" : separator) + row.first() + sum;
          });
    }
  }

  /** A user aggregate of two columns with any number of literal labels after them. */
  @UdafDescription(name = "labelled_sum", description = "Sums products, prefixed by labels.")
  public static final class LabelledSum {
    @UdafFactory
    public static Udaf<Pair<Long, Long>, Long, String> create(String... labels) {
      return new Folding<Pair<Long, Long>, Long, String>(
          0L, (row, sum) -> sum + row.first() * row.second()) {
        @Override
        public String map(Long sum) {
          return String.join("", labels) + sum;
        }
      };
    }
  }

  /** A generic user aggregate: the first values of rows whose second column is true. */
  @UdafDescription(name = "firsts_if", description = "Collects values where a flag is set.")
  public static final class FirstsIf {
    @UdafFactory
    public static <T> Udaf<Pair<T, Boolean>, List<T>, List<T>> create() {
      return Folding.of(
          List.of(),
          (row, list) -> {
            if (!Boolean.TRUE.equals(row.second())) {
              return list;
            }
            List<T> more = new ArrayList<>(list);
            more.add(row.first());
            return more;
          });
    }
  }

  /** A user aggregate over columns of any types: counts the rows with no null column. */
  @UdafDescription(name = "complete_rows", description = "Counts rows without nulls.")
  public static final class CompleteRows {
    @UdafFactory
    public static Udaf<VariadicArgs<Object>, Long, Long> create() {
      return Folding.of(
          0L, (row, count) -> row.stream().allMatch(v -> v != null) ? count + 1 : count);
    }
  }

  /** A Udaf that folds each input into the accumulator. */
  private abstract static class Folding<I, A, O> implements Udaf<I, A, O> {
    private final A initial;
    private final java.util.function.BiFunction<I, A, A> fold;

    Folding(A initial, java.util.function.BiFunction<I, A, A> fold) {
      this.initial = initial;
      this.fold = fold;
    }

    static <I, A> Udaf<I, A, A> of(A initial, java.util.function.BiFunction<I, A, A> fold) {
      return new Folding<I, A, A>(initial, fold) {
        @Override
        public A map(A aggregate) {
          return aggregate;
        }
      };
    }

    @Override
    public A initialize() {
      return initial;
    }

    @Override
    public A aggregate(I value, A aggregate) {
      return fold.apply(value, aggregate);
    }

    @Override
    public A merge(A left, A right) {
      throw new UnsupportedOperationException("not merged in these tests");
    }
  }

  /** Classes that are not valid user functions, each for one reason. */
  static final class Invalid {
    private Invalid() {}

    @UdfDescription(name = "bad_struct")
    public static final class StructWithoutSchema {
      @Udf
      public String f(Struct value) {
        return null;
      }
    }

    @UdfDescription(name = "bad_schema")
    public static final class SchemaNotSuitingTheJavaType {
      @Udf(schema = "STRUCT<A INT>")
      public String f(String value) {
        return value;
      }
    }

    @UdafDescription(name = "bad_variadic_column")
    public static final class VariadicColumnNotLast {
      @UdafFactory
      public static Udaf<Pair<VariadicArgs<Long>, Long>, Long, Long> create() {
        return Folding.of(0L, (row, sum) -> sum);
      }
    }

    @UdafDescription(name = "bad_two_variadics")
    public static final class TwoVariadics {
      @UdafFactory
      public static Udaf<VariadicArgs<Long>, Long, Long> create(String... labels) {
        return Folding.of(0L, (row, sum) -> sum);
      }
    }
  }
}
