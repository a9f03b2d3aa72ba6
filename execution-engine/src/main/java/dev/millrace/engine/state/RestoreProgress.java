package dev.millrace.engine.state;

/**
 * How far the restore of one changelog partition has come, counted in changelog offsets from where
 * it started (a compacted changelog has gaps, so the counts slightly overstate the records).
 *
 * @param restored offsets applied so far
 * @param total offsets to apply in all
 */
public record RestoreProgress(ChangelogPartition changelog, long restored, long total) {}
