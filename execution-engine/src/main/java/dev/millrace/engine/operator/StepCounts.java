package dev.millrace.engine.operator;

/**
 * What one plan step has done so far, over all of its query's tasks.
 *
 * @param recordsIn rows the step received (for a source, records read from its topic)
 * @param recordsOut rows it passed on (for the sink, records it wrote)
 * @param errors records it reported to the processing log
 */
public record StepCounts(long recordsIn, long recordsOut, long errors) {}
