package dev.millrace.bench.data;

/**
 * What was written to the input topics, and so what each job must output.
 *
 * @param pageviews page views written
 * @param pageviewBytes the page views' value bytes (the MB/s column divides these)
 * @param longViews page views the project/filter jobs keep
 * @param users users written
 */
public record DataSet(long pageviews, long pageviewBytes, long longViews, long users) {

  public double averageBytes() {
    return pageviews == 0 ? 0 : (double) pageviewBytes / pageviews;
  }
}
