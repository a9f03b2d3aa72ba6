-- Implicit conversions in expressions. Run them with:
--   bin/millrace test docs/examples/expressions/conversions.sql

--@test: text is read as the date, time or number it is compared with
CREATE STREAM visits (id INT KEY, day DATE, arrived TIME, seen TIMESTAMP, rooms INT, label STRING)
  WITH (kafka_topic='visits', value_format='JSON');
CREATE STREAM checked AS
  SELECT id,
    day BETWEEN '2024-01-01' AND '2024-01-31' AS in_january,
    arrived > '09:30:00' AS late,
    day < seen AS before_seen,
    rooms IN (1, '3000000000') AS one_room,
    label IN (true, 10, 10.50) AS odd_label
  FROM visits;

INSERT INTO visits (id, day, arrived, seen, rooms, label)
  VALUES (1, '2024-01-15', '10:00:00', '2024-01-15T08:00:00', 1, '10.50');
INSERT INTO visits (id, day, arrived, seen, rooms, label)
  VALUES (2, '2024-02-01', '09:00:00', '2024-01-31T23:00:00', 2, 'true');

ASSERT VALUES checked (id, in_january, late, before_seen, one_room, odd_label)
  VALUES (1, true, true, true, true, true);
ASSERT VALUES checked (id, in_january, late, before_seen, one_room, odd_label)
  VALUES (2, false, false, false, false, true);

--@test: array elements and struct fields take one type
CREATE STREAM points (id INT KEY, x INT, y BIGINT) WITH (kafka_topic='points', value_format='JSON');
CREATE STREAM shapes AS
  SELECT id, ARRAY[STRUCT(x := x), STRUCT(y := y), NULL] AS parts, ARRAY[x, y, '7'] AS numbers
  FROM points;

ASSERT STREAM shapes (id INT KEY, parts ARRAY<STRUCT<x INT, y BIGINT>>, numbers ARRAY<BIGINT>)
  WITH (kafka_topic='SHAPES', value_format='JSON');

INSERT INTO points (id, x, y) VALUES (1, 2, 3);

ASSERT VALUES shapes (id, parts, numbers)
  VALUES (1, ARRAY[STRUCT(x := 2, y := CAST(NULL AS BIGINT)), STRUCT(x := CAST(NULL AS INT), y := 3), NULL], ARRAY[2, 3, 7]);

--@test: a struct field named like a source column takes a suffix
CREATE STREAM orders (id INT KEY, item STRUCT<id BIGINT, name STRING>)
  WITH (kafka_topic='orders', value_format='JSON');
CREATE STREAM items AS SELECT id, item->id, item->name FROM orders;

ASSERT STREAM items (id INT KEY, id_1 BIGINT, name STRING)
  WITH (kafka_topic='ITEMS', value_format='JSON');

--@test: a comparison with NULL is refused
--@expected.message: Comparison with NULL not supported: ID = NULL
CREATE STREAM people (id INT KEY, name STRING) WITH (kafka_topic='people', value_format='JSON');
CREATE STREAM nobody AS SELECT * FROM people WHERE id = NULL;

--@test: a call that fits several overloads only after widening is refused
--@expected.message: Function 'greatest' cannot be resolved due to ambiguous method parameters (INTEGER, BIGINT).
CREATE STREAM sizes (id INT KEY, small INT, large BIGINT) WITH (kafka_topic='sizes', value_format='JSON');
CREATE STREAM largest AS SELECT id, GREATEST(small, large) AS top FROM sizes;

--@test: a CAST chooses the overload
CREATE STREAM sizes (id INT KEY, small INT, large BIGINT) WITH (kafka_topic='sizes', value_format='JSON');
CREATE STREAM largest AS SELECT id, GREATEST(CAST(small AS BIGINT), large) AS top FROM sizes;

INSERT INTO sizes (id, small, large) VALUES (1, 5, 3);

ASSERT VALUES largest (id, top) VALUES (1, 5);
