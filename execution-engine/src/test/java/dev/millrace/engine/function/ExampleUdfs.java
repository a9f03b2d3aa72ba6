package dev.millrace.engine.function;

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
}
