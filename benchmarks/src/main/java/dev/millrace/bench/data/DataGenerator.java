package dev.millrace.bench.data;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Makes the benchmark's data from a seed: the same seed and size give the same records, byte for
 * byte. Every page view's user is in the users table, and every user registered (has its record
 * timestamp) a day before the first page view, so a stream-table join should match them all.
 */
public final class DataGenerator {
  /** 2026-01-01T00:00:00Z: fixed, so that a run's data does not depend on the clock. */
  public static final long FIRST_VIEW = 1_767_225_600_000L;

  /** Page views are 10 ms apart: 100 views a second, 6,000 in each one-minute window. */
  public static final long VIEW_SPACING_MILLIS = 10;

  public static final int USERS = 10_000;
  public static final int PAGES = 1_000;

  /** The project/filter jobs keep page views of at least this duration (about 90% of them). */
  public static final int MIN_DURATION_MS = 1_000;

  private static final long USERS_REGISTERED = FIRST_VIEW - 86_400_000L;
  private static final String[] REGIONS = {"Region_1", "Region_2", "Region_3", "Region_4"};
  private static final String[] GENDERS = {"FEMALE", "MALE", "OTHER"};
  private static final String[] AGENTS = {
    "Mozilla/5.0 (X11; Linux) Firefox/128",
    "Mozilla/5.0 (Windows NT 10) Chrome/131",
    "Mozilla/5.0 (Macintosh) Safari/605",
    "Mozilla/5.0 (iPhone) Mobile/15E148",
  };

  private final long seed;

  public DataGenerator(long seed) {
    this.seed = seed;
  }

  /** The users table: {@value #USERS} users, in id order. */
  public void users(Consumer<User> sink) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_0F_05E25L);
    for (int i = 0; i < USERS; i++) {
      sink.accept(
          new User(
              userId(i),
              USERS_REGISTERED + i,
              REGIONS[random.nextInt(REGIONS.length)],
              GENDERS[random.nextInt(GENDERS.length)]));
    }
  }

  /** {@code count} page views in time order, {@value #VIEW_SPACING_MILLIS} ms apart. */
  public void pageviews(long count, Consumer<Pageview> sink) {
    SplittableRandom random = new SplittableRandom(seed);
    for (long i = 0; i < count; i++) {
      int page = random.nextInt(PAGES);
      sink.accept(
          new Pageview(
              FIRST_VIEW + i * VIEW_SPACING_MILLIS,
              userId(random.nextInt(USERS)),
              "Page_" + page,
              "https://example.com/?q=page+" + page,
              AGENTS[random.nextInt(AGENTS.length)],
              random.nextInt(10_000)));
    }
  }

  private static String userId(int i) {
    return "User_" + i;
  }
}
