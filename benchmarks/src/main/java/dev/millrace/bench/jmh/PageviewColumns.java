package dev.millrace.bench.jmh;

import dev.millrace.bench.data.DataGenerator;
import dev.millrace.bench.data.Pageview;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/** The page views stream's value columns, as the benchmark jobs declare them, and sample values. */
final class PageviewColumns {
  static final List<Column> VALUE =
      List.of(
          new Column("VIEWTIME", SqlType.BIGINT),
          new Column("PAGEID", SqlType.STRING),
          new Column("REFERRER", SqlType.STRING),
          new Column("USERAGENT", SqlType.STRING),
          new Column("DURATION_MS", SqlType.INTEGER));

  static final int PAGEID = 1;
  static final int DURATION_MS = 4;

  private PageviewColumns() {}

  /** The first {@code count} generated page views. */
  static List<Pageview> sample(int count) {
    List<Pageview> views = new ArrayList<>();
    new DataGenerator(42).pageviews(count, views::add);
    return views;
  }
}
