-- Variables: DEFINE, UNDEFINE and ${name}. Run it with:
--   bin/millrace test docs/examples/queries/variables.sql

--@test: variables name the topic, the format and a threshold
DEFINE topic = 'orders';
DEFINE format = 'JSON';
DEFINE threshold = '10';
CREATE STREAM orders (id INT KEY, item STRING, qty INT)
  WITH (kafka_topic='${topic}', value_format='${format}');
CREATE STREAM big_orders AS
  SELECT id, item FROM orders WHERE qty > ${threshold};

INSERT INTO orders (id, item, qty) VALUES (1, 'apple', 5);
INSERT INTO orders (id, item, qty) VALUES (2, 'pear', 20);

ASSERT VALUES big_orders (id, item) VALUES (2, 'pear');

--@test: an undefined variable is an error that says where
--@expected.message: line 24:62: Variable 'threshold' is not defined
DEFINE threshold = '10';
UNDEFINE threshold;
CREATE STREAM orders (id INT KEY, qty INT)
  WITH (kafka_topic='orders', value_format='JSON');
CREATE STREAM big_orders AS SELECT * FROM orders WHERE qty > ${threshold};
