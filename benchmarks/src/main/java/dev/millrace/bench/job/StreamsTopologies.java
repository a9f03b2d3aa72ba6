package dev.millrace.bench.job;

import dev.millrace.bench.data.DataGenerator;
import dev.millrace.bench.data.Pageview;
import dev.millrace.bench.data.Topics;
import dev.millrace.bench.data.User;
import dev.millrace.bench.job.StreamsValues.EnrichedView;
import dev.millrace.bench.job.StreamsValues.LongView;
import dev.millrace.bench.job.StreamsValues.UserPage;
import dev.millrace.bench.job.StreamsValues.Views;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.WindowedSerdes;

/** Each job hand-written for Kafka Streams, as a Kafka Streams user would write it. */
final class StreamsTopologies {
  /** ksqlDB's grace period for windows that name none. */
  private static final Duration DEFAULT_GRACE = Duration.ofHours(24);

  private static final Serde<String> KEYS = Serdes.String();
  private static final Serde<Pageview> VIEWS = StreamsValues.json(Pageview.class);

  private StreamsTopologies() {}

  static Topology of(Job job, String output) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Pageview> pageviews =
        builder.stream(Topics.PAGEVIEWS, Consumed.with(KEYS, VIEWS));
    switch (job) {
      case FILTER ->
          pageviews
              .filter((user, view) -> view.durationMs() >= DataGenerator.MIN_DURATION_MS)
              .mapValues(view -> new LongView(view.pageId(), view.viewtime(), view.durationMs()))
              .to(output, Produced.with(KEYS, StreamsValues.json(LongView.class)));
      case GROUP_BY ->
          // Only the page id crosses the repartition topic, as in Millrace's plan.
          pageviews
              .mapValues(Pageview::pageId)
              .groupBy((user, page) -> page, Grouped.with(KEYS, Serdes.String()))
              .count()
              .mapValues(Views::new)
              .toStream()
              .to(output, Produced.with(KEYS, StreamsValues.json(Views.class)));
      case USER_PAGES -> {
        Serde<UserPage> userPages = StreamsValues.json(UserPage.class);
        // Both columns cross the repartition topic, as in Millrace's plan.
        pageviews
            .mapValues(Pageview::pageId)
            .groupBy((user, page) -> new UserPage(user, page), Grouped.with(userPages, KEYS))
            .count()
            .mapValues(Views::new)
            .toStream()
            .to(output, Produced.with(userPages, StreamsValues.json(Views.class)));
      }
      case TUMBLING -> {
        Duration size = Duration.ofMinutes(1);
        pageviews
            .groupByKey()
            .windowedBy(TimeWindows.ofSizeAndGrace(size, DEFAULT_GRACE))
            .count()
            .mapValues(Views::new)
            .toStream()
            .to(
                output,
                Produced.with(
                    WindowedSerdes.timeWindowedSerdeFrom(String.class, size.toMillis()),
                    StreamsValues.json(Views.class)));
      }
      case JOIN -> {
        KTable<String, User> users =
            builder.table(Topics.USERS, Consumed.with(KEYS, StreamsValues.json(User.class)));
        pageviews
            .leftJoin(
                users,
                (view, user) ->
                    new EnrichedView(
                        view.pageId(),
                        view.viewtime(),
                        user == null ? null : user.regionId(),
                        user == null ? null : user.gender()))
            .to(output, Produced.with(KEYS, StreamsValues.json(EnrichedView.class)));
      }
      case FILTER_AVRO -> throw new IllegalArgumentException("The AVRO job runs on Millrace only");
    }
    return builder.build();
  }
}
