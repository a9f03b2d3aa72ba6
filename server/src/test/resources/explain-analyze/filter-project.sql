CREATE STREAM orders (id BIGINT KEY, item STRING, qty INTEGER)
  WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE STREAM big AS SELECT id, UCASE(item) AS item, 100 / (qty - 5) AS share FROM orders WHERE qty > 2;
INSERT INTO orders (id, item, qty) VALUES (1, 'pen', 1);
INSERT INTO orders (id, item, qty) VALUES (2, 'ink', 5);
INSERT INTO orders (id, item, qty) VALUES (3, 'pad', 7);
INSERT INTO orders (id, item) VALUES (4, 'cap');
EXPLAIN ANALYZE CSAS_BIG_0;
