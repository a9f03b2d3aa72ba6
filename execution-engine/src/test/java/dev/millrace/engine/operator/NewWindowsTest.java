package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NewWindowsTest {
  private static final byte[] A = {1, 'a'};
  private static final byte[] B = {1, 'b'};
  private static final byte[] C = {1, 'c'};

  @Test
  void onAFreshStoreEveryWindowIsNewUntilItsGroupWritesOneAsLateOrLater() {
    NewWindows windows = new NewWindows(Long.MIN_VALUE);
    assertTrue(windows.isNew(A, 0));

    windows.written(A, 60_000);

    assertFalse(windows.isNew(A, 60_000));
    assertFalse(windows.isNew(A, 0));
    assertTrue(windows.isNew(A, 120_000));
    assertTrue(windows.isNew(B, 60_000));
  }

  @Test
  void aGroupsLatestStartOnlyMovesForward() {
    NewWindows windows = new NewWindows(Long.MIN_VALUE);
    windows.written(A, 120_000);
    windows.written(A, 60_000);

    assertFalse(windows.isNew(A, 120_000));
    assertTrue(windows.isNew(A, 180_000));
  }

  @Test
  void windowsStartingAtOrBeforeTheRestoredStreamTimeMayBeStored() {
    NewWindows windows = new NewWindows(60_000);

    assertFalse(windows.isNew(A, 0));
    assertFalse(windows.isNew(A, 60_000));
    assertTrue(windows.isNew(A, 120_000));
  }

  @Test
  void onceFullAGroupItDoesNotTrackIsAlwaysLookedUp() {
    NewWindows windows = new NewWindows(Long.MIN_VALUE, 2);
    windows.written(A, 0);
    windows.written(B, 0);
    windows.written(C, 0);

    assertFalse(windows.isNew(C, 0));
    assertFalse(windows.isNew(C, 60_000));
    assertTrue(windows.isNew(A, 60_000));
    assertTrue(windows.isNew(B, 60_000));
  }
}
