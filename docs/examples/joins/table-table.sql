--@test: customers joined with their loyalty points
CREATE TABLE customers (id INT PRIMARY KEY, name STRING)
  WITH (kafka_topic='customers', value_format='JSON', partitions=1);
CREATE TABLE loyalty (id INT PRIMARY KEY, points INT)
  WITH (kafka_topic='loyalty', value_format='JSON', partitions=1);
CREATE TABLE customer_points AS
  SELECT c.id, c.name, l.points FROM customers c LEFT JOIN loyalty l ON c.id = l.id;

INSERT INTO customers (id, name) VALUES (1, 'alice');
INSERT INTO loyalty (id, points) VALUES (1, 50);
INSERT INTO loyalty (id, points) VALUES (2, 10);
INSERT INTO loyalty (id, points) VALUES (1, 70);

-- Loyalty row 2 has no customer: a LEFT join keeps only customers.
ASSERT VALUES customer_points (c_id, name, points) VALUES (1, 'alice', NULL);
ASSERT VALUES customer_points (c_id, name, points) VALUES (1, 'alice', 50);
ASSERT VALUES customer_points (c_id, name, points) VALUES (1, 'alice', 70);

--@test: orders follow the customer they reference
CREATE TABLE customers (id INT PRIMARY KEY, name STRING)
  WITH (kafka_topic='customers', value_format='JSON', partitions=3);
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total DOUBLE)
  WITH (kafka_topic='orders', value_format='JSON', partitions=4);
CREATE TABLE order_customers AS
  SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON o.customer_id = c.id;

INSERT INTO customers (id, name) VALUES (1, 'alice');
INSERT INTO orders (id, customer_id, total) VALUES (10, 1, 9.5);
INSERT INTO orders (id, customer_id, total) VALUES (11, 1, 20.0);
INSERT INTO customers (id, name) VALUES (1, 'alice b.');
INSERT INTO orders (id, customer_id, total) VALUES (10, 3, 9.5);

ASSERT VALUES order_customers (o_id, total, name) VALUES (10, 9.5, 'alice');
ASSERT VALUES order_customers (o_id, total, name) VALUES (11, 20.0, 'alice');
-- A customer's change reaches every order that references it.
ASSERT VALUES order_customers (o_id, total, name) VALUES (10, 9.5, 'alice b.');
ASSERT VALUES order_customers (o_id, total, name) VALUES (11, 20.0, 'alice b.');
-- Order 10 now references no customer: the INNER join deletes its row.
ASSERT NULL VALUES order_customers (o_id) KEY (10);
