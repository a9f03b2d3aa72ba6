package dev.millrace.engine.operator;

/**
 * How a table join lays out a joined value (the left input's columns then the right's) and which
 * unmatched rows it keeps, seen from the input whose change is being joined ("this" input).
 *
 * @param thisIsLeft whether this input is the join's left input
 * @param keepThis whether a row of this input without a match is kept (padded with nulls)
 * @param keepOther whether a row of the other input without a match is kept
 */
record JoinedRows(
    boolean thisIsLeft, int leftWidth, int rightWidth, boolean keepThis, boolean keepOther) {

  /**
   * The joined value of a row of this input and one of the other (either may be null), or null for
   * none.
   */
  Object[] of(Object[] thisValue, Object[] otherValue) {
    boolean keep =
        thisValue != null && otherValue != null
            || thisValue != null && keepThis
            || otherValue != null && keepOther;
    if (!keep) {
      return null;
    }
    Object[] left = thisIsLeft ? thisValue : otherValue;
    Object[] right = thisIsLeft ? otherValue : thisValue;
    Object[] value = new Object[leftWidth + rightWidth];
    if (left != null) {
      System.arraycopy(left, 0, value, 0, leftWidth);
    }
    if (right != null) {
      System.arraycopy(right, 0, value, leftWidth, rightWidth);
    }
    return value;
  }
}
