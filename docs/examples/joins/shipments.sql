--@test: an order meets its shipment within the hour
CREATE STREAM orders (id INT KEY, item STRING)
  WITH (kafka_topic='orders', value_format='JSON');
CREATE STREAM shipments (id INT KEY, order_id INT, depot STRING)
  WITH (kafka_topic='shipments', value_format='JSON');
CREATE STREAM shipped_orders AS
  SELECT o.id AS order_id, o.item, s.depot
  FROM orders o
  LEFT JOIN shipments s WITHIN 1 HOUR GRACE PERIOD 10 MINUTES ON o.id = s.order_id;

INSERT INTO orders (rowtime, id, item) VALUES (0, 1, 'kettle');
INSERT INTO orders (rowtime, id, item) VALUES (60000, 2, 'teapot');
INSERT INTO shipments (rowtime, id, order_id, depot) VALUES (1800000, 100, 1, 'leeds');
-- Two hours in: the window of order 2 (an hour after it, plus ten minutes of grace) has closed.
INSERT INTO shipments (rowtime, id, order_id, depot) VALUES (7200000, 101, 3, 'york');

ASSERT VALUES shipped_orders (rowtime, order_id, item, depot) VALUES (1800000, 1, 'kettle', 'leeds');
ASSERT VALUES shipped_orders (rowtime, order_id, item, depot) VALUES (60000, 2, 'teapot', NULL);
