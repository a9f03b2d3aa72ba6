CREATE TABLE customers (id INT PRIMARY KEY, name STRING)
  WITH (KAFKA_TOPIC='customers', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE TABLE orders (id INT PRIMARY KEY, customer INT, total INT)
  WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE TABLE named AS
  SELECT o.id AS id, c.name AS name, o.total AS total
  FROM orders o JOIN customers c ON o.customer = c.id;
INSERT INTO customers (id, name) VALUES (1, 'ann');
INSERT INTO orders (id, customer, total) VALUES (10, 1, 5);
INSERT INTO orders (id, customer, total) VALUES (11, 2, 7);
INSERT INTO customers (id, name) VALUES (2, 'bob');
EXPLAIN ANALYZE CTAS_NAMED_0;
