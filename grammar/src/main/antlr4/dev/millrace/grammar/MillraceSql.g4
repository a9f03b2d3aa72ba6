// Millrace's grammar for ksqlDB's SQL dialect.
//
// Keywords are case-insensitive (caseInsensitive lexer). Identifiers are normalised by the AST
// builder, not here: unquoted ones are upper-cased, quoted ones (`back-quoted` or "double-quoted")
// keep their case. Most keywords are non-reserved (see `nonReserved`) so they stay usable as
// column and source names; only words that would make a statement ambiguous are reserved.
grammar MillraceSql;

options { caseInsensitive = true; }

// ---------------------------------------------------------------------------------- entry points

/** A whole script: statements separated by ';' (the last one may omit it). */
statements
    : SEMICOLON* (statement (SEMICOLON+ statement)* SEMICOLON*)? EOF
    ;

/** Exactly one statement, with an optional closing ';'. */
singleStatement
    : statement SEMICOLON? EOF
    ;

/** One expression on its own. */
singleExpression
    : expression EOF
    ;

// ---------------------------------------------------------------------------------- statements

statement
    : query                                                                  # queryStatement
    | (LIST | SHOW) showTarget EXTENDED?                                     # show
    | DESCRIBE (STREAMS | TABLES) EXTENDED?                                  # describeAll
    | DESCRIBE FUNCTION identifier                                           # describeFunction
    | DESCRIBE EXTENDED? identifier                                          # describeSource
    | PRINT (identifier | STRING) printClause                                # printTopic
    | TERMINATE (ALL | identifier)                                           # terminate
    | (PAUSE | RESUME) (ALL | identifier)                                    # pauseResume
    | SET STRING EQ STRING                                                   # setProperty
    | UNSET STRING                                                           # unsetProperty
    | DEFINE identifier EQ STRING                                            # defineVariable
    | UNDEFINE identifier                                                    # undefineVariable
    | RUN SCRIPT STRING                                                      # runScript
    | EXPLAIN ANALYZE (statement | identifier)                               # explainAnalyze
    | EXPLAIN (statement | identifier)                                       # explain
    | CREATE (OR REPLACE)? sourceKind (IF NOT EXISTS)? identifier
        (WITH tableProperties)? AS query                                     # createAsSelect
    | CREATE (OR REPLACE)? SOURCE? sourceKind (IF NOT EXISTS)? identifier
        tableElements? (WITH tableProperties)?                               # createSource
    | CREATE TYPE (IF NOT EXISTS)? identifier AS type                        # createType
    | ALTER sourceKind identifier alterOption (COMMA alterOption)*           # alterSource
    | INSERT INTO identifier (WITH tableProperties)? query                   # insertInto
    | INSERT INTO identifier columnList? VALUES valueList                    # insertValues
    | DROP sourceKind (IF EXISTS)? identifier (DELETE TOPIC)?                # dropSource
    | DROP TYPE (IF EXISTS)? identifier                                      # dropType
    | ASSERT VALUES identifier columnList? VALUES valueList                  # assertValues
    | ASSERT NULL VALUES identifier columnList? KEY valueList                # assertTombstone
    | ASSERT sourceKind identifier tableElements? (WITH tableProperties)?    # assertSource
    ;

showTarget
    : STREAMS | TABLES | QUERIES | ALL? TOPICS | PROPERTIES | FUNCTIONS | TYPES | VARIABLES
    ;

sourceKind
    : STREAM | TABLE
    ;

printClause
    : (FROM BEGINNING)? ((INTERVAL | SAMPLE) interval=INTEGER_VALUE)? (LIMIT limit=INTEGER_VALUE)?
    ;

alterOption
    : ADD COLUMN? identifier type
    ;

tableElements
    : LPAREN tableElement (COMMA tableElement)* RPAREN
    ;

tableElement
    : identifier type columnConstraint?
    ;

columnConstraint
    : PRIMARY KEY                                                            # primaryKeyConstraint
    | KEY                                                                    # keyConstraint
    | HEADERS                                                                # headersConstraint
    | HEADER LPAREN STRING RPAREN                                            # headerConstraint
    ;

tableProperties
    : LPAREN tableProperty (COMMA tableProperty)* RPAREN
    ;

tableProperty
    : (identifier | STRING) EQ propertyValue
    ;

propertyValue
    : literal                                                                # literalPropertyValue
    | MINUS number                                                           # negativePropertyValue
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

valueList
    : LPAREN (expression (COMMA expression)*)? RPAREN
    ;

// ---------------------------------------------------------------------------------- queries

query
    : SELECT selectItem (COMMA selectItem)*
      FROM relation
      (WINDOW windowExpression)?
      (WHERE where=booleanExpression)?
      (GROUP BY groupBy=expressionList)?
      (PARTITION BY partitionBy=expressionList)?
      (HAVING having=booleanExpression)?
      (EMIT (CHANGES | FINAL))?
      (LIMIT limit=INTEGER_VALUE)?
    ;

expressionList
    : LPAREN expression (COMMA expression)* RPAREN
    | expression (COMMA expression)*
    ;

// `struct->*` is folded into selectSingle so that choosing an alternative never needs to look
// past a whole expression; the AST builder tells the two apart.
selectItem
    : ASTERISK                                                               # selectAll
    | identifier DOT ASTERISK                                                # selectSourceAll
    | expression (ARROW ASTERISK | AS? identifier)?                          # selectSingle
    ;

relation
    : left=relation joinType JOIN right=aliasedRelation withinClause?
        ON criteria=booleanExpression                                        # joinRelation
    | aliasedRelation                                                        # singleRelation
    ;

joinType
    : INNER?                                                                 # innerJoin
    | LEFT OUTER?                                                            # leftJoin
    | RIGHT OUTER?                                                           # rightJoin
    | FULL OUTER?                                                            # fullJoin
    ;

aliasedRelation
    : identifier (AS? alias=identifier)?
    ;

withinClause
    : WITHIN LPAREN before=timeSpan COMMA after=timeSpan RPAREN gracePeriod?  # asymmetricWithin
    | WITHIN timeSpan gracePeriod?                                            # symmetricWithin
    ;

gracePeriod
    : GRACE PERIOD timeSpan
    ;

windowExpression
    : identifier? TUMBLING LPAREN SIZE timeSpan (COMMA windowOption)* RPAREN # tumblingWindow
    | identifier? HOPPING LPAREN SIZE size=timeSpan COMMA ADVANCE BY advance=timeSpan
        (COMMA windowOption)* RPAREN                                         # hoppingWindow
    | identifier? SESSION LPAREN timeSpan (COMMA windowOption)* RPAREN       # sessionWindow
    ;

windowOption
    : RETENTION timeSpan                                                     # retentionOption
    | GRACE PERIOD timeSpan                                                  # graceOption
    ;

timeSpan
    : INTEGER_VALUE timeUnit
    ;

timeUnit
    : DAY | DAYS | HOUR | HOURS | MINUTE | MINUTES | SECOND | SECONDS
    | MILLISECOND | MILLISECONDS
    ;

// Units passed to functions such as TIMESTAMPADD. Only the plural spellings: singular ones
// (SECOND, DAY) are common column names and stay column references.
pluralTimeUnit
    : DAYS | HOURS | MINUTES | SECONDS | MILLISECONDS
    ;

// ---------------------------------------------------------------------------------- expressions

expression
    : booleanExpression
    ;

// AND and OR chains are lists rather than left-recursive alternatives: generated statements
// with thousands of terms would otherwise nest a parse-tree level per term. The AST builder folds
// each list into a balanced tree. NOT binds tighter than AND, which binds tighter than OR.
booleanExpression
    : orTerms+=andExpression (OR orTerms+=andExpression)*
    ;

andExpression
    : andTerms+=notExpression (AND andTerms+=notExpression)*
    ;

notExpression
    : valueExpression predicate?                                             # predicated
    | NOT notExpression                                                      # logicalNot
    ;

predicate
    : comparisonOperator right=valueExpression                               # comparison
    | IS NOT? DISTINCT FROM right=valueExpression                            # distinctFrom
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression           # between
    | NOT? IN LPAREN expression (COMMA expression)* RPAREN                   # inList
    | NOT? LIKE pattern=valueExpression (ESCAPE escape=STRING)?              # like
    | IS NOT? NULL                                                           # nullPredicate
    ;

valueExpression
    : primaryExpression                                                      # valueExpressionDefault
    | operator=(MINUS | PLUS) valueExpression                                # arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT)
        right=valueExpression                                                # arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression     # arithmeticBinary
    | left=valueExpression CONCAT right=valueExpression                      # concatenation
    ;

primaryExpression
    : literal                                                                # literalExpression
    | CASE operand=expression whenClause+ (ELSE elseExpression=expression)? END  # simpleCase
    | CASE whenClause+ (ELSE elseExpression=expression)? END                 # searchedCase
    | CAST LPAREN expression AS type RPAREN                                  # cast
    | ARRAY LBRACKET (expression (COMMA expression)*)? RBRACKET              # arrayConstructor
    | MAP LPAREN (mapEntry (COMMA mapEntry)*)? RPAREN                        # mapConstructor
    | STRUCT LPAREN (structField (COMMA structField)*)? RPAREN               # structConstructor
    | identifier LPAREN ASTERISK RPAREN                                      # countAll
    | identifier LPAREN (DISTINCT? functionArgument (COMMA functionArgument)*)? RPAREN  # functionCall
    | base=primaryExpression LBRACKET index=valueExpression RBRACKET         # subscript
    | base=primaryExpression ARROW field=identifier                          # dereference
    | source=identifier DOT column=identifier                                # qualifiedColumnReference
    | identifier                                                             # columnReference
    | LPAREN expression RPAREN                                               # parenthesizedExpression
    ;

functionArgument
    : identifier LAMBDA expression                                           # singleParameterLambda
    | LPAREN identifier (COMMA identifier)* RPAREN LAMBDA expression         # lambda
    | pluralTimeUnit                                                         # timeUnitArgument
    | expression                                                             # expressionArgument
    ;

mapEntry
    : key=expression ASSIGN value=expression
    ;

structField
    : identifier ASSIGN expression
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

literal
    : NULL                                                                   # nullLiteral
    | (TRUE | FALSE)                                                         # booleanLiteral
    | number                                                                 # numericLiteral
    | STRING                                                                 # stringLiteral
    ;

number
    : INTEGER_VALUE                                                          # integerLiteral
    | DECIMAL_VALUE                                                          # decimalLiteral
    | FLOATING_POINT_VALUE                                                   # doubleLiteral
    ;

// ---------------------------------------------------------------------------------- types

type
    : ARRAY LT type GT                                                       # arrayType
    | MAP LT key=type COMMA value=type GT                                    # mapType
    | STRUCT LT (structTypeField (COMMA structTypeField)*)? GT               # structType
    | DECIMAL LPAREN precision=INTEGER_VALUE COMMA scale=INTEGER_VALUE RPAREN  # decimalType
    | identifier (LPAREN typeParameter (COMMA typeParameter)* RPAREN)?       # namedType
    ;

// Only for the legacy spelling VARCHAR(STRING); the AST builder rejects other parameters.
typeParameter
    : INTEGER_VALUE | identifier
    ;

structTypeField
    : identifier type
    ;

// ---------------------------------------------------------------------------------- identifiers

identifier
    : IDENTIFIER                                                             # unquotedIdentifier
    | DIGIT_IDENTIFIER                                                       # unquotedIdentifier
    | BACKQUOTED_IDENTIFIER                                                  # backQuotedIdentifier
    | QUOTED_IDENTIFIER                                                      # doubleQuotedIdentifier
    | nonReserved                                                            # unquotedIdentifier
    ;

// Keywords that may also name columns, sources, functions and types.
nonReserved
    : ADD | ADVANCE | ALL | ALTER | ANALYZE | ARRAY | ASSERT | BEGINNING | CHANGES | COLUMN | DAY | DAYS
    | DECIMAL | DEFINE | DELETE | DESCRIBE | DROP | EXISTS | EXPLAIN | EXTENDED | FINAL
    | FUNCTION | FUNCTIONS | GRACE | HEADER | HEADERS | HOPPING | HOUR | HOURS | IF | INTERVAL
    | KEY | LIST | MAP | MILLISECOND | MILLISECONDS | MINUTE | MINUTES | PERIOD | PRIMARY | PRINT
    | PROPERTIES | QUERIES | REPLACE | RETENTION | RUN | SAMPLE | SCRIPT | SECOND | SECONDS
    | SESSION | SET | SHOW | SIZE | SOURCE | STREAM | STREAMS | STRUCT | TABLE | TABLES
    | TERMINATE | TOPIC | TOPICS | TUMBLING | TYPE | TYPES | UNDEFINE | UNSET | VARIABLES
    | ESCAPE | PAUSE | RESUME
    ;

// ---------------------------------------------------------------------------------- lexer

ADD: 'ADD';
ADVANCE: 'ADVANCE';
ALL: 'ALL';
ALTER: 'ALTER';
ANALYZE: 'ANALYZE';
AND: 'AND';
ARRAY: 'ARRAY';
AS: 'AS';
ASSERT: 'ASSERT';
BEGINNING: 'BEGINNING';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CHANGES: 'CHANGES';
COLUMN: 'COLUMN';
CREATE: 'CREATE';
DAY: 'DAY';
DAYS: 'DAYS';
DECIMAL: 'DECIMAL';
DEFINE: 'DEFINE';
DELETE: 'DELETE';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DROP: 'DROP';
ELSE: 'ELSE';
EMIT: 'EMIT';
END: 'END';
ESCAPE: 'ESCAPE';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTENDED: 'EXTENDED';
FALSE: 'FALSE';
FINAL: 'FINAL';
FROM: 'FROM';
FULL: 'FULL';
FUNCTION: 'FUNCTION';
FUNCTIONS: 'FUNCTIONS';
GRACE: 'GRACE';
GROUP: 'GROUP';
HAVING: 'HAVING';
HEADER: 'HEADER';
HEADERS: 'HEADERS';
HOPPING: 'HOPPING';
HOUR: 'HOUR';
HOURS: 'HOURS';
IF: 'IF';
IN: 'IN';
INNER: 'INNER';
INSERT: 'INSERT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
KEY: 'KEY';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LIST: 'LIST';
MAP: 'MAP';
MILLISECOND: 'MILLISECOND';
MILLISECONDS: 'MILLISECONDS';
MINUTE: 'MINUTE';
MINUTES: 'MINUTES';
NOT: 'NOT';
NULL: 'NULL';
ON: 'ON';
OR: 'OR';
OUTER: 'OUTER';
PARTITION: 'PARTITION';
PAUSE: 'PAUSE';
PERIOD: 'PERIOD';
PRIMARY: 'PRIMARY';
PRINT: 'PRINT';
PROPERTIES: 'PROPERTIES';
QUERIES: 'QUERIES';
REPLACE: 'REPLACE';
RESUME: 'RESUME';
RETENTION: 'RETENTION';
RIGHT: 'RIGHT';
RUN: 'RUN';
SAMPLE: 'SAMPLE';
SCRIPT: 'SCRIPT';
SECOND: 'SECOND';
SECONDS: 'SECONDS';
SELECT: 'SELECT';
SESSION: 'SESSION';
SET: 'SET';
SHOW: 'SHOW';
SIZE: 'SIZE';
SOURCE: 'SOURCE';
STREAM: 'STREAM';
STREAMS: 'STREAMS';
STRUCT: 'STRUCT';
TABLE: 'TABLE';
TABLES: 'TABLES';
TERMINATE: 'TERMINATE';
THEN: 'THEN';
TOPIC: 'TOPIC';
TOPICS: 'TOPICS';
TRUE: 'TRUE';
TUMBLING: 'TUMBLING';
TYPE: 'TYPE';
TYPES: 'TYPES';
UNDEFINE: 'UNDEFINE';
UNSET: 'UNSET';
VALUES: 'VALUES';
VARIABLES: 'VARIABLES';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';
WITHIN: 'WITHIN';

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
ASSIGN: ':=';
LAMBDA: '=>';
ARROW: '->';
DOT: '.';
COMMA: ',';
SEMICOLON: ';';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';

STRING
    : '\'' (~'\'' | '\'\'')* '\''
    ;

INTEGER_VALUE
    : DIGIT+
    ;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

FLOATING_POINT_VALUE
    : DIGIT+ ('.' DIGIT*)? EXPONENT
    | '.' DIGIT+ EXPONENT
    ;

IDENTIFIER
    : (LETTER | '_') (LETTER | DIGIT | '_' | '@')*
    ;

// ksqlDB also accepts names that start with digits, such as an alias `1R`.
DIGIT_IDENTIFIER
    : DIGIT+ (LETTER | '_' | '@') (LETTER | DIGIT | '_' | '@')*
    ;

BACKQUOTED_IDENTIFIER
    : '`' (~'`' | '``')* '`'
    ;

// ksqlDB also accepts "double-quoted" names, case-preserving like back-quoted ones.
QUOTED_IDENTIFIER
    : '"' (~'"' | '""')* '"'
    ;

fragment EXPONENT: 'E' [+-]? DIGIT+;
fragment DIGIT: [0-9];
fragment LETTER: [A-Z];

LINE_COMMENT
    : '--' ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \r\n\t]+ -> channel(HIDDEN)
    ;

// Anything else becomes one token, so the parser reports it with its position instead of the
// lexer printing to stderr.
UNRECOGNIZED
    : .
    ;
