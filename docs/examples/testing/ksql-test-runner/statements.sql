CREATE STREAM orders (id INT KEY, units DOUBLE) WITH (kafka_topic='orders', value_format='JSON');
CREATE STREAM sized AS
  SELECT id, units,
         CASE WHEN units < 2.0 THEN 'small' WHEN units < 4.0 THEN 'medium' ELSE 'large' END AS size
  FROM orders;
