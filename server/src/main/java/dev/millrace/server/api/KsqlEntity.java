package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The result of one statement run through {@code POST /ksql}: one element of the response array.
 *
 * <p>Each kind is named by its {@code @type} property exactly as ksqlDB names it, and carries the
 * text of the statement it answers plus any warnings.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CommandStatusEntity.class, name = "currentStatus"),
  @JsonSubTypes.Type(value = StreamsList.class, name = "streams"),
  @JsonSubTypes.Type(value = TablesList.class, name = "tables"),
  @JsonSubTypes.Type(value = Queries.class, name = "queries"),
  @JsonSubTypes.Type(value = KafkaTopicsList.class, name = "kafka_topics"),
  @JsonSubTypes.Type(value = PropertiesList.class, name = "properties"),
  @JsonSubTypes.Type(value = SourceDescriptionEntity.class, name = "sourceDescription"),
  @JsonSubTypes.Type(value = QueryDescriptionEntity.class, name = "queryDescription"),
  @JsonSubTypes.Type(value = FunctionNameList.class, name = "function_names"),
  @JsonSubTypes.Type(value = FunctionDescriptionList.class, name = "describe_function"),
  @JsonSubTypes.Type(value = VariablesList.class, name = "variables"),
  @JsonSubTypes.Type(value = WarningEntity.class, name = "warning_entity"),
  @JsonSubTypes.Type(value = TypeList.class, name = "type_list"),
})
public sealed interface KsqlEntity
    permits CommandStatusEntity,
        StreamsList,
        TablesList,
        Queries,
        KafkaTopicsList,
        PropertiesList,
        SourceDescriptionEntity,
        QueryDescriptionEntity,
        FunctionNameList,
        FunctionDescriptionList,
        VariablesList,
        WarningEntity,
        TypeList {

  /** The statement this entity answers, as the user wrote it (terminated by {@code ;}). */
  String statementText();

  /** Conditions the user may not expect that did not stop the statement. Never null. */
  List<Warning> warnings();
}
