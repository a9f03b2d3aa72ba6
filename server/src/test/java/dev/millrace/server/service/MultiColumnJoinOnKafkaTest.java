package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joins on two columns over four partitions on the embedded broker: the side that is not keyed by
 * the join's columns, or keyed by them under other names, is repartitioned so that its keys are
 * written, and so partitioned, as the other side's are. Every row must meet its match, and no
 * other, whatever partition it was written to.
 */
class MultiColumnJoinOnKafkaTest {
  private static final String[] SITES = {"leeds", "york", "hull"};
  private static final int SKUS = 4;

  @RegisterExtension
  static final KafkaEngineExtension kafka = KafkaEngineExtension.forService("multi_column");

  @Test
  void aStreamRepartitionedByTwoColumnsMeetsTheTableRowOfBoth() throws Exception {
    run(
        "CREATE TABLE prices (site STRING PRIMARY KEY, sku INT PRIMARY KEY, price INT) "
            + "WITH (KAFKA_TOPIC='mc_prices', FORMAT='JSON', PARTITIONS=4);");
    run(
        "CREATE STREAM sales (id INT KEY, site STRING, sku INT) "
            + "WITH (KAFKA_TOPIC='mc_sales', FORMAT='JSON', PARTITIONS=4);");
    Set<String> expected = new TreeSet<>();
    int id = 0;
    for (String site : SITES) {
      for (int sku = 1; sku <= SKUS; sku++) {
        run(
            "INSERT INTO prices (site, sku, price) VALUES ('"
                + site
                + "', "
                + sku
                + ", "
                + price(site, sku)
                + ");");
      }
    }
    run(
        "CREATE STREAM priced_sales WITH (KAFKA_TOPIC='mc_priced_sales') AS "
            + "SELECT s.site, s.sku, s.id, p.price FROM sales s "
            + "JOIN prices p ON s.sku = p.sku AND s.site = p.site;");
    for (String site : SITES) {
      for (int sku = 1; sku <= SKUS; sku++) {
        id++;
        run("INSERT INTO sales (id, site, sku) VALUES (" + id + ", '" + site + "', " + sku + ");");
        expected.add(
            "{\"S_SITE\":\""
                + site
                + "\",\"S_SKU\":"
                + sku
                + "} {\"ID\":"
                + id
                + ",\"PRICE\":"
                + price(site, sku)
                + "}");
      }
    }

    assertEquals(expected, kafka.output().awaitKeysAndValues("mc_priced_sales", expected));
  }

  @Test
  void aTableKeyedByOtherColumnNamesIsRepartitionedToMeetTheOtherTable() throws Exception {
    run(
        "CREATE TABLE stock (site STRING PRIMARY KEY, sku INT PRIMARY KEY, units INT) "
            + "WITH (KAFKA_TOPIC='mc_stock', FORMAT='JSON', PARTITIONS=4);");
    run(
        "CREATE TABLE list_prices (shop STRING PRIMARY KEY, item INT PRIMARY KEY, price INT) "
            + "WITH (KAFKA_TOPIC='mc_list_prices', FORMAT='JSON', PARTITIONS=4);");
    run(
        "CREATE TABLE stock_value WITH (KAFKA_TOPIC='mc_stock_value') AS "
            + "SELECT s.site, s.sku, s.units * p.price AS stock_value FROM stock s "
            + "JOIN list_prices p ON s.site = p.shop AND s.sku = p.item;");
    Set<String> expected = new TreeSet<>();
    for (String site : SITES) {
      for (int sku = 1; sku <= SKUS; sku++) {
        run(
            "INSERT INTO list_prices (shop, item, price) VALUES ('"
                + site
                + "', "
                + sku
                + ", "
                + price(site, sku)
                + ");");
        run("INSERT INTO stock (site, sku, units) VALUES ('" + site + "', " + sku + ", 2);");
        expected.add(
            "{\"SITE\":\""
                + site
                + "\",\"SKU\":"
                + sku
                + "} {\"STOCK_VALUE\":"
                + 2 * price(site, sku)
                + "}");
      }
    }

    assertEquals(expected, kafka.output().awaitKeysAndValues("mc_stock_value", expected));
  }

  /** A price that tells the site and the product apart. */
  private static int price(String site, int sku) {
    return 100 * (Arrays.asList(SITES).indexOf(site) + 1) + sku;
  }

  private static void run(String sql) {
    kafka.run(sql, KafkaEngineExtension.EARLIEST);
  }
}
