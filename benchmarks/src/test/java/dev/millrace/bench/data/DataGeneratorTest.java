package dev.millrace.bench.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataGeneratorTest {

  @Test
  void theSameSeedGivesTheSameBytes() {
    List<byte[]> first = values(new DataGenerator(7), 500);
    List<byte[]> second = values(new DataGenerator(7), 500);
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i), second.get(i), "page view " + i);
    }
    assertFalse(
        Arrays.equals(first.get(0), values(new DataGenerator(8), 1).get(0)),
        "another seed gives other page views");
  }

  @Test
  void pageviewsAreAbout181BytesOfJsonInTimeOrder() {
    List<Pageview> views = new ArrayList<>();
    new DataGenerator(42).pageviews(10_000, views::add);
    double average = views.stream().mapToInt(view -> view.json().length).average().orElseThrow();
    assertTrue(average > 175 && average < 187, "average value size " + average);
    assertEquals(
        "{\"VIEWTIME\":1767225600000,\"USERID\":\"User_7556\",\"PAGEID\":\"Page_31\","
            + "\"REFERRER\":\"https://example.com/?q=page+31\","
            + "\"USERAGENT\":\"Mozilla/5.0 (Macintosh) Safari/605\",\"DURATION_MS\":3172}",
        new String(views.get(0).json(), UTF_8));
    for (int i = 1; i < views.size(); i++) {
      assertEquals(
          views.get(i - 1).viewtime() + DataGenerator.VIEW_SPACING_MILLIS, views.get(i).viewtime());
    }
  }

  @Test
  void everyPageviewsUserRegisteredBeforeTheFirstView() {
    Set<String> users = new HashSet<>();
    long[] lastRegistered = {Long.MIN_VALUE};
    new DataGenerator(42)
        .users(
            user -> {
              users.add(user.userId());
              lastRegistered[0] = Math.max(lastRegistered[0], user.registertime());
            });
    assertEquals(DataGenerator.USERS, users.size());
    assertTrue(lastRegistered[0] < DataGenerator.FIRST_VIEW);
    new DataGenerator(42)
        .pageviews(10_000, view -> assertTrue(users.contains(view.userId()), view.userId()));
  }

  private static List<byte[]> values(DataGenerator generator, int count) {
    List<byte[]> values = new ArrayList<>();
    generator.pageviews(count, view -> values.add(view.json()));
    return values;
  }
}
