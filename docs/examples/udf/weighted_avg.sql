--@test: prices are averaged over the quantities sold
CREATE STREAM sales (id INT KEY, item STRING, price DOUBLE, quantity INT)
  WITH (kafka_topic='sales', value_format='JSON');
CREATE TABLE prices AS
  SELECT item, weighted_avg(price, quantity) AS price FROM sales GROUP BY item;

INSERT INTO sales (id, item, price, quantity) VALUES (1, 'tea', 2.0, 1);
INSERT INTO sales (id, item, price, quantity) VALUES (2, 'tea', 4.0, 3);

ASSERT VALUES prices (item, price) VALUES ('tea', 2.0);
ASSERT VALUES prices (item, price) VALUES ('tea', 3.5);
