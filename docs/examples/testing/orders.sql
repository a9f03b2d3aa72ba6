-- SQL tests for a small order pipeline. Run them with:
--   bin/millrace test docs/examples/testing/orders.sql

--@test: every order is sized
CREATE STREAM orders (id INT KEY, customer STRING, units DOUBLE)
  WITH (kafka_topic='orders', value_format='JSON');
CREATE STREAM sized AS
  SELECT id, customer, units, units >= 10 AS bulk FROM orders;

ASSERT STREAM sized (id INT KEY, customer STRING, units DOUBLE, bulk BOOLEAN)
  WITH (kafka_topic='SIZED', value_format='JSON');

INSERT INTO orders (rowtime, id, customer, units) VALUES (1000, 1, 'alice', 2.5);
INSERT INTO orders (rowtime, id, customer, units) VALUES (2000, 2, 'bob', 12.0);

ASSERT VALUES sized (rowtime, id, customer, units, bulk) VALUES (1000, 1, 'alice', 2.5, false);
ASSERT VALUES sized (rowtime, id, customer, units, bulk) VALUES (2000, 2, 'bob', 12.0, true);

--@test: only bulk orders reach the warehouse
CREATE STREAM orders (id INT KEY, customer STRING, units DOUBLE)
  WITH (kafka_topic='orders', value_format='JSON');
CREATE STREAM bulk_orders AS
  SELECT id, customer FROM orders WHERE units >= 10;

INSERT INTO orders (id, customer, units) VALUES (1, 'alice', 2.5);
INSERT INTO orders (id, customer, units) VALUES (2, 'bob', 12.0);

-- The first record of BULK_ORDERS is bob's: alice's order was filtered out.
ASSERT VALUES bulk_orders (id, customer) VALUES (2, 'bob');

--@test: a query over a missing stream is rejected
--@expected.message: NOWHERE
CREATE STREAM copy AS SELECT * FROM nowhere;
