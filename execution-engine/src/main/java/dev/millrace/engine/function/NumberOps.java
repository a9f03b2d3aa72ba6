package dev.millrace.engine.function;

import dev.millrace.engine.expr.Casts;
import dev.millrace.engine.expr.Converter;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;

/**
 * Addition and subtraction of one number type's values, chosen once per type. INTEGER and BIGINT
 * wrap on overflow as Java does (ksqlDB's behaviour); DECIMAL fails when the result no longer fits.
 */
interface NumberOps {
  Object zero();

  Object add(Object a, Object b);

  Object subtract(Object a, Object b);

  double toDouble(Object a);

  static NumberOps of(SqlType type) {
    return switch (type.base()) {
      case INTEGER ->
          new NumberOps() {
            public Object zero() {
              return 0;
            }

            public Object add(Object a, Object b) {
              return (Integer) a + (Integer) b;
            }

            public Object subtract(Object a, Object b) {
              return (Integer) a - (Integer) b;
            }

            public double toDouble(Object a) {
              return (Integer) a;
            }
          };
      case BIGINT ->
          new NumberOps() {
            public Object zero() {
              return 0L;
            }

            public Object add(Object a, Object b) {
              return (Long) a + (Long) b;
            }

            public Object subtract(Object a, Object b) {
              return (Long) a - (Long) b;
            }

            public double toDouble(Object a) {
              return (Long) a;
            }
          };
      case DOUBLE ->
          new NumberOps() {
            public Object zero() {
              return 0.0;
            }

            public Object add(Object a, Object b) {
              return (Double) a + (Double) b;
            }

            public Object subtract(Object a, Object b) {
              return (Double) a - (Double) b;
            }

            public double toDouble(Object a) {
              return (Double) a;
            }
          };
      case DECIMAL -> decimal((SqlType.Decimal) type);
      default -> throw new IllegalArgumentException(type.toSql() + " is not a number type");
    };
  }

  private static NumberOps decimal(SqlType.Decimal type) {
    Converter fit = Casts.decimal(type);
    BigDecimal zero = BigDecimal.ZERO.setScale(type.scale());
    return new NumberOps() {
      public Object zero() {
        return zero;
      }

      public Object add(Object a, Object b) {
        return fit.convert(((BigDecimal) a).add((BigDecimal) b));
      }

      public Object subtract(Object a, Object b) {
        return fit.convert(((BigDecimal) a).subtract((BigDecimal) b));
      }

      public double toDouble(Object a) {
        return ((BigDecimal) a).doubleValue();
      }
    };
  }
}
