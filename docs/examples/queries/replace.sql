-- CREATE OR REPLACE of a running query. Run it with:
--   bin/millrace test docs/examples/queries/replace.sql

--@test: a new filter applies from where the old one stopped
CREATE STREAM orders (id INT KEY, item STRING, qty INT)
  WITH (kafka_topic='orders', value_format='JSON');
CREATE STREAM big_orders AS
  SELECT id, item, qty FROM orders WHERE qty > 10;

INSERT INTO orders (id, item, qty) VALUES (1, 'apple', 5);
INSERT INTO orders (id, item, qty) VALUES (2, 'pear', 20);

-- Still query CSAS_BIG_ORDERS_0, reading on from where it stopped.
CREATE OR REPLACE STREAM big_orders AS
  SELECT id, item, qty FROM orders WHERE qty > 1;

INSERT INTO orders (id, item, qty) VALUES (3, 'plum', 5);

-- Order 1 was read before the replacement and is not read again.
ASSERT VALUES big_orders (id, item, qty) VALUES (2, 'pear', 20);
ASSERT VALUES big_orders (id, item, qty) VALUES (3, 'plum', 5);

--@test: a count keeps its state and gains a column at the end
CREATE STREAM orders (id INT KEY, item STRING, qty INT)
  WITH (kafka_topic='orders', value_format='JSON');
CREATE TABLE sold AS
  SELECT item, COUNT(*) AS n FROM orders GROUP BY item;

INSERT INTO orders (id, item, qty) VALUES (1, 'pear', 5);

-- A filter in front of the count, and a column at the end.
CREATE OR REPLACE TABLE sold AS
  SELECT item, COUNT(*) AS n, COUNT(*) >= 2 AS popular FROM orders
  WHERE qty > 1 GROUP BY item;

INSERT INTO orders (id, item, qty) VALUES (2, 'pear', 1);
INSERT INTO orders (id, item, qty) VALUES (3, 'pear', 20);

-- The count goes on from 1; order 2 no longer counts.
ASSERT VALUES sold (item, n) VALUES ('pear', 1);
ASSERT VALUES sold (item, n, popular) VALUES ('pear', 2, true);

--@test: a changed key is refused
--@expected.message: its key columns may not change
CREATE STREAM orders (id INT KEY, item STRING, qty INT)
  WITH (kafka_topic='orders', value_format='JSON');
CREATE STREAM big_orders AS
  SELECT id, item, qty FROM orders WHERE qty > 10;
CREATE OR REPLACE STREAM big_orders AS
  SELECT item, id, qty FROM orders WHERE qty > 10 PARTITION BY item;
