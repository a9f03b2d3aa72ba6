--@test: counts of two window sizes meet on user and window start
CREATE STREAM clicks (user_id INT KEY, page STRING)
  WITH (kafka_topic='clicks', value_format='JSON');
CREATE TABLE clicks_5s WITH (kafka_topic='clicks_5s', key_format='JSON_SR') AS
  SELECT user_id, COUNT(*) AS n FROM clicks WINDOW TUMBLING (SIZE 5 SECONDS) GROUP BY user_id;
CREATE TABLE clicks_2s WITH (kafka_topic='clicks_2s', key_format='JSON_SR') AS
  SELECT user_id, COUNT(*) AS n FROM clicks WINDOW TUMBLING (SIZE 2 SECONDS) GROUP BY user_id;
CREATE STREAM counts_5s (user_id INT KEY, n BIGINT)
  WITH (kafka_topic='clicks_5s', key_format='JSON_SR', value_format='JSON',
        window_type='TUMBLING', window_size='5 SECONDS');
CREATE STREAM counts_2s (user_id INT KEY, n BIGINT)
  WITH (kafka_topic='clicks_2s', key_format='JSON_SR', value_format='JSON',
        window_type='TUMBLING', window_size='2 SECONDS');
CREATE STREAM both_counts AS
  SELECT a.user_id AS user_id, a.n AS in_5s, b.n AS in_2s, b.WINDOWEND AS end_2s
  FROM counts_5s a JOIN counts_2s b WITHIN 1 MINUTE ON a.user_id = b.user_id;

INSERT INTO clicks (rowtime, user_id, page) VALUES (0, 1, 'home');
INSERT INTO clicks (rowtime, user_id, page) VALUES (2500, 1, 'cart');

ASSERT VALUES both_counts (rowtime, user_id, in_5s, in_2s, end_2s) VALUES (0, 1, 1, 1, 2000);
ASSERT VALUES both_counts (rowtime, user_id, in_5s, in_2s, end_2s) VALUES (2500, 1, 2, 1, 2000);
