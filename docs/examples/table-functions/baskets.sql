--@test: one row per item of a basket
CREATE STREAM baskets (id INT KEY, customer STRING, items ARRAY<STRING>, sizes ARRAY<INT>)
  WITH (kafka_topic='baskets', value_format='JSON');
CREATE STREAM basket_items AS
  SELECT id, customer, EXPLODE(items) AS item, EXPLODE(sizes) AS size FROM baskets;

INSERT INTO baskets (id, customer, items, sizes) VALUES (1, 'alice', ARRAY['tea', 'milk', 'bread'], ARRAY[2, 1]);
-- A NULL (or empty) array gives no rows at all.
INSERT INTO baskets (id, customer, items, sizes) VALUES (2, 'bob', NULL, NULL);
INSERT INTO baskets (id, customer, items, sizes) VALUES (3, 'carol', ARRAY['jam'], ARRAY[4]);

-- The longest array sets the number of rows; the shorter one is NULL past its end.
ASSERT VALUES basket_items (id, customer, item, size) VALUES (1, 'alice', 'tea', 2);
ASSERT VALUES basket_items (id, customer, item, size) VALUES (1, 'alice', 'milk', 1);
ASSERT VALUES basket_items (id, customer, item, size) VALUES (1, 'alice', 'bread', NULL);
ASSERT VALUES basket_items (id, customer, item, size) VALUES (3, 'carol', 'jam', 4);
