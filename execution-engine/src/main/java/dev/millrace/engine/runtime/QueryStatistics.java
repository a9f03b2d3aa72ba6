package dev.millrace.engine.runtime;

/**
 * Counts of a query since its runtime was made (across stops and restarts of that runtime): input
 * records processed, and records skipped or partly failed and reported to the processing log.
 */
public record QueryStatistics(long processedRecords, long processingErrors) {}
