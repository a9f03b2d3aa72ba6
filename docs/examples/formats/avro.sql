--@test: an Avro stream is read and written through the schema registry
CREATE STREAM payments (id INT KEY, payer STRING, amount DECIMAL(10, 2), tags ARRAY<STRING>)
  WITH (kafka_topic='payments', value_format='AVRO', partitions=1);
CREATE STREAM large_payments AS
  SELECT id, payer, amount FROM payments WHERE amount >= 100;

INSERT INTO payments (id, payer, amount, tags) VALUES (1, 'alice', 12.50, ARRAY['rent']);
INSERT INTO payments (id, payer, amount, tags) VALUES (2, 'bob', 250.00, ARRAY['car', 'loan']);

ASSERT VALUES large_payments (id, payer, amount) VALUES (2, 'bob', 250.00);
