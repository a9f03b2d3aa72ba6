CREATE STREAM orders (id BIGINT KEY, item STRING, qty INTEGER)
  WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE TABLE totals AS SELECT item, SUM(qty) AS qty FROM orders GROUP BY item;
INSERT INTO orders (id, item, qty) VALUES (1, 'pen', 1);
INSERT INTO orders (id, item, qty) VALUES (2, 'ink', 5);
INSERT INTO orders (id, item, qty) VALUES (3, 'pen', 7);
INSERT INTO orders (id, qty) VALUES (4, 2);
EXPLAIN ANALYZE CTAS_TOTALS_0;
