-- PAUSE and RESUME of a persistent query. Run it with:
--   bin/millrace test docs/examples/queries/pause.sql

--@test: a paused count catches up when it is resumed
CREATE STREAM clicks (id INT KEY, page STRING)
  WITH (kafka_topic='clicks', value_format='JSON');
CREATE TABLE views AS
  SELECT page, COUNT(*) AS n FROM clicks GROUP BY page;

INSERT INTO clicks (id, page) VALUES (1, 'home');
PAUSE CTAS_VIEWS_0;
-- While paused, the query reads nothing: these wait in the topic.
INSERT INTO clicks (id, page) VALUES (2, 'home');
INSERT INTO clicks (id, page) VALUES (3, 'home');
RESUME CTAS_VIEWS_0;

-- It counts on from the state it kept.
ASSERT VALUES views (page, n) VALUES ('home', 1);
ASSERT VALUES views (page, n) VALUES ('home', 2);
ASSERT VALUES views (page, n) VALUES ('home', 3);
