--@test: a reading meets the calibration of its own site and sensor only
CREATE STREAM readings (id INT KEY, site STRING, sensor INT, reading DOUBLE)
  WITH (kafka_topic='readings', value_format='JSON');
CREATE STREAM calibrations (id INT KEY, site STRING, sensor INT, delta DOUBLE)
  WITH (kafka_topic='calibrations', value_format='JSON');
CREATE STREAM calibrated WITH (key_format='JSON') AS
  SELECT r.site, r.sensor, r.reading + c.delta AS reading
  FROM readings r
  JOIN calibrations c WITHIN 1 MINUTE ON r.site = c.site AND r.sensor = c.sensor;

INSERT INTO calibrations (rowtime, id, site, sensor, delta) VALUES (0, 1, 'leeds', 1, 0.5);
INSERT INTO calibrations (rowtime, id, site, sensor, delta) VALUES (0, 2, 'york', 2, -1.0);
-- Each of these shares one column with a calibration, never both: neither joins.
INSERT INTO readings (rowtime, id, site, sensor, reading) VALUES (1000, 10, 'leeds', 2, 20.0);
INSERT INTO readings (rowtime, id, site, sensor, reading) VALUES (2000, 11, 'york', 1, 30.0);
INSERT INTO readings (rowtime, id, site, sensor, reading) VALUES (3000, 12, 'leeds', 1, 40.0);
INSERT INTO readings (rowtime, id, site, sensor, reading) VALUES (4000, 13, 'york', 2, 50.0);

ASSERT STREAM calibrated (r_site STRING KEY, r_sensor INT KEY, reading DOUBLE)
  WITH (kafka_topic='CALIBRATED', key_format='JSON', value_format='JSON');
ASSERT VALUES calibrated (rowtime, r_site, r_sensor, reading) VALUES (3000, 'leeds', 1, 40.5);
ASSERT VALUES calibrated (rowtime, r_site, r_sensor, reading) VALUES (4000, 'york', 2, 49.0);

--@test: a reading takes the threshold of its own site and sensor from a table
CREATE STREAM readings (id INT KEY, site STRING, sensor INT, reading DOUBLE)
  WITH (kafka_topic='readings', value_format='JSON');
CREATE TABLE thresholds (site STRING PRIMARY KEY, sensor INT PRIMARY KEY, ceiling DOUBLE)
  WITH (kafka_topic='thresholds', format='JSON');
CREATE STREAM alarms WITH (key_format='JSON') AS
  SELECT r.site, r.sensor, r.reading, t.ceiling
  FROM readings r
  JOIN thresholds t ON r.sensor = t.sensor AND r.site = t.site
  WHERE r.reading > t.ceiling;

INSERT INTO thresholds (site, sensor, ceiling) VALUES ('leeds', 1, 30.0);
INSERT INTO thresholds (site, sensor, ceiling) VALUES ('york', 2, 10.0);
-- Over the ceiling of leeds 1 but from leeds 2, which has none: no alarm.
INSERT INTO readings (rowtime, id, site, sensor, reading) VALUES (1000, 10, 'leeds', 2, 35.0);
INSERT INTO readings (rowtime, id, site, sensor, reading) VALUES (2000, 11, 'york', 2, 12.0);
INSERT INTO readings (rowtime, id, site, sensor, reading) VALUES (3000, 12, 'leeds', 1, 31.0);

ASSERT STREAM alarms (r_site STRING KEY, r_sensor INT KEY, reading DOUBLE, ceiling DOUBLE)
  WITH (kafka_topic='ALARMS', key_format='JSON', value_format='JSON');
ASSERT VALUES alarms (rowtime, r_site, r_sensor, reading, ceiling) VALUES (2000, 'york', 2, 12.0, 10.0);
ASSERT VALUES alarms (rowtime, r_site, r_sensor, reading, ceiling) VALUES (3000, 'leeds', 1, 31.0, 30.0);

--@test: a join on several columns needs a key format that holds several columns
--@expected.message: The 'KAFKA' format only supports a single field
CREATE STREAM readings (id INT KEY, site STRING, sensor INT, reading DOUBLE)
  WITH (kafka_topic='readings', value_format='JSON');
CREATE STREAM calibrations (id INT KEY, site STRING, sensor INT, delta DOUBLE)
  WITH (kafka_topic='calibrations', value_format='JSON');
CREATE STREAM calibrated AS
  SELECT r.site, r.sensor, r.reading + c.delta AS reading
  FROM readings r
  JOIN calibrations c WITHIN 1 MINUTE ON r.site = c.site AND r.sensor = c.sensor;

--@test: stock is valued at the price of its own site and product only
CREATE TABLE stock (site STRING PRIMARY KEY, sku INT PRIMARY KEY, units INT)
  WITH (kafka_topic='stock', format='JSON', partitions=4);
CREATE TABLE prices (site STRING PRIMARY KEY, sku INT PRIMARY KEY, price DOUBLE)
  WITH (kafka_topic='prices', format='JSON', partitions=4);
CREATE TABLE stock_value AS
  SELECT s.site, s.sku, s.units * p.price AS stock_value
  FROM stock s
  JOIN prices p ON s.site = p.site AND s.sku = p.sku;

INSERT INTO stock (site, sku, units) VALUES ('leeds', 1, 10);
-- Each of these prices shares one key column with the stock, never both: neither joins.
INSERT INTO prices (site, sku, price) VALUES ('leeds', 2, 5.0);
INSERT INTO prices (site, sku, price) VALUES ('york', 1, 3.0);
INSERT INTO prices (site, sku, price) VALUES ('leeds', 1, 2.5);
INSERT INTO stock (site, sku, units) VALUES ('leeds', 1, 4);

ASSERT TABLE stock_value (s_site STRING PRIMARY KEY, s_sku INT PRIMARY KEY, stock_value DOUBLE)
  WITH (kafka_topic='STOCK_VALUE', format='JSON');
ASSERT VALUES stock_value (s_site, s_sku, stock_value) VALUES ('leeds', 1, 25.0);
ASSERT VALUES stock_value (s_site, s_sku, stock_value) VALUES ('leeds', 1, 10.0);
