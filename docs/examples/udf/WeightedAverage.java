package com.example;

import dev.millrace.engine.function.Pair;
import dev.millrace.engine.function.Udaf;
import dev.millrace.engine.function.UdafDescription;
import dev.millrace.engine.function.UdafFactory;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.SqlTypeParser;
import dev.millrace.engine.types.Struct;

@UdafDescription(name = "weighted_avg", description = "The average of values weighted by counts.")
public class WeightedAverage {
  private static final String TOTALS = "STRUCT<SUM DOUBLE, WEIGHT BIGINT>";
  private static final SqlType.Struct TOTALS_TYPE = (SqlType.Struct) SqlTypeParser.parse(TOTALS);

  @UdafFactory(description = "a value and its weight", aggregateSchema = TOTALS)
  public static Udaf<Pair<Double, Integer>, Struct, Double> weightedAverage() {
    return new Udaf<>() {
      public Struct initialize() {
        return totals(0.0, 0L);
      }

      public Struct aggregate(Pair<Double, Integer> row, Struct totals) {
        return add(totals, row, 1);
      }

      public Struct merge(Struct left, Struct right) {
        return totals(sum(left) + sum(right), weight(left) + weight(right));
      }

      public Double map(Struct totals) {
        return weight(totals) == 0 ? null : sum(totals) / weight(totals);
      }

      public boolean canUndo() {
        return true;
      }

      public Struct undo(Pair<Double, Integer> row, Struct totals) {
        return add(totals, row, -1);
      }
    };
  }

  private static Struct add(Struct totals, Pair<Double, Integer> row, int sign) {
    if (row.first() == null || row.second() == null) {
      return totals;
    }
    return totals(
        sum(totals) + sign * row.first() * row.second(), weight(totals) + sign * row.second());
  }

  private static Struct totals(double sum, long weight) {
    return new Struct(TOTALS_TYPE, new Object[] {sum, weight});
  }

  private static double sum(Struct totals) {
    return (Double) totals.get("SUM");
  }

  private static long weight(Struct totals) {
    return (Long) totals.get("WEIGHT");
  }
}
