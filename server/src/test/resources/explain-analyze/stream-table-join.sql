CREATE TABLE items (item STRING PRIMARY KEY, price INTEGER)
  WITH (KAFKA_TOPIC='items', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE STREAM orders (item STRING KEY, qty INTEGER)
  WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE STREAM priced AS
  SELECT o.item AS item, o.qty * i.price AS cost FROM orders o JOIN items i ON o.item = i.item;
INSERT INTO items (item, price) VALUES ('pen', 3);
INSERT INTO orders (item, qty) VALUES ('pen', 2);
INSERT INTO orders (item, qty) VALUES ('ink', 4);
EXPLAIN ANALYZE SELECT o.item AS item, o.qty * i.price AS cost
  FROM orders o JOIN items i ON o.item = i.item;
