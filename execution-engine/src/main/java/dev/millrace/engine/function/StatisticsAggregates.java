package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.util.List;

/**
 * Statistical aggregates over numbers as DOUBLEs, nulls ignored. Variance uses Welford's running
 * mean so it stays accurate for large values. As in ksqlDB, STDDEV_SAMP gives the sample variance
 * and STDDEV_SAMPLE its square root.
 */
final class StatisticsAggregates {
  private static final SqlType.Struct MOMENTS =
      new SqlType.Struct(
          List.of(
              new SqlType.Field("COUNT", SqlType.BIGINT),
              new SqlType.Field("MEAN", SqlType.DOUBLE),
              new SqlType.Field("M2", SqlType.DOUBLE)));
  private static final SqlType.Struct SUMS =
      new SqlType.Struct(
          List.of(
              new SqlType.Field("N", SqlType.DOUBLE), new SqlType.Field("SX", SqlType.DOUBLE),
              new SqlType.Field("SY", SqlType.DOUBLE), new SqlType.Field("SXY", SqlType.DOUBLE),
              new SqlType.Field("SXX", SqlType.DOUBLE), new SqlType.Field("SYY", SqlType.DOUBLE)));

  private StatisticsAggregates() {}

  static Aggregator variance(boolean squareRoot) {
    return new TypedAggregator(MOMENTS, SqlType.DOUBLE) {
      public Object initialize() {
        return moments(0, 0.0, 0.0);
      }

      public Object add(Object acc, Object[] args) {
        if (args[0] == null) {
          return acc;
        }
        double x = ((Number) args[0]).doubleValue();
        long n = count(acc) + 1;
        double delta = x - mean(acc);
        double mean = mean(acc) + delta / n;
        return moments(n, mean, m2(acc) + delta * (x - mean));
      }

      public Object result(Object acc) {
        double variance = count(acc) < 2 ? 0.0 : m2(acc) / (count(acc) - 1);
        return squareRoot ? Math.sqrt(variance) : variance;
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        if (args[0] == null || count(acc) == 0) {
          return acc;
        }
        double x = ((Number) args[0]).doubleValue();
        long n = count(acc) - 1;
        if (n == 0) {
          return initialize();
        }
        double mean = (mean(acc) * count(acc) - x) / n;
        return moments(n, mean, m2(acc) - (x - mean(acc)) * (x - mean));
      }

      public Object merge(Object left, Object right) {
        long n = count(left) + count(right);
        if (n == 0) {
          return initialize();
        }
        double delta = mean(right) - mean(left);
        double mean = mean(left) + delta * count(right) / n;
        double m2 = m2(left) + m2(right) + delta * delta * count(left) * count(right) / n;
        return moments(n, mean, m2);
      }
    };
  }

  /** Pearson's correlation of two columns over the rows where both are non-null. */
  static Aggregator correlation() {
    return new TypedAggregator(SUMS, SqlType.DOUBLE) {
      public Object initialize() {
        return new Struct(SUMS, new Object[] {0.0, 0.0, 0.0, 0.0, 0.0, 0.0});
      }

      public Object add(Object acc, Object[] args) {
        return args[0] == null || args[1] == null ? acc : shift(acc, args, 1);
      }

      public Object result(Object acc) {
        double n = sum(acc, 0);
        double sx = sum(acc, 1);
        double sy = sum(acc, 2);
        double covariance = n * sum(acc, 3) - sx * sy;
        return covariance / Math.sqrt((n * sum(acc, 4) - sx * sx) * (n * sum(acc, 5) - sy * sy));
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        return args[0] == null || args[1] == null ? acc : shift(acc, args, -1);
      }

      public Object merge(Object left, Object right) {
        Object[] out = new Object[6];
        for (int i = 0; i < 6; i++) {
          out[i] = sum(left, i) + sum(right, i);
        }
        return new Struct(SUMS, out);
      }
    };
  }

  private static Object shift(Object acc, Object[] args, int sign) {
    double x = ((Number) args[0]).doubleValue();
    double y = ((Number) args[1]).doubleValue();
    double[] terms = {1, x, y, x * y, x * x, y * y};
    Object[] out = new Object[6];
    for (int i = 0; i < 6; i++) {
      out[i] = sum(acc, i) + sign * terms[i];
    }
    return new Struct(SUMS, out);
  }

  private static double sum(Object acc, int i) {
    return (Double) ((Struct) acc).get(i);
  }

  private static Struct moments(long n, double mean, double m2) {
    return new Struct(MOMENTS, new Object[] {n, mean, m2});
  }

  private static long count(Object acc) {
    return (Long) ((Struct) acc).get(0);
  }

  private static double mean(Object acc) {
    return (Double) ((Struct) acc).get(1);
  }

  private static double m2(Object acc) {
    return (Double) ((Struct) acc).get(2);
  }
}
