--@test: greetings are shouted
CREATE STREAM greetings (id INT KEY, text STRING)
  WITH (kafka_topic='greetings', value_format='JSON');
CREATE STREAM shouted AS SELECT id, shout(text) AS loud FROM greetings;

INSERT INTO greetings (id, text) VALUES (1, 'hello');

ASSERT VALUES shouted (id, loud) VALUES (1, 'HELLO!');
