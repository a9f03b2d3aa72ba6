package dev.millrace.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectItemNamesTest {
  @Test
  void structFieldNamedLikeASourceColumnTakesTheNextSuffix() {
    List<String> names =
        SelectItemNames.complete(List.of("K", "ITEMID", "IID"), List.of(1), Set.of("K", "ITEMID"));
    assertEquals(List.of("K", "ITEMID_1", "IID"), names);
  }

  @Test
  void suffixSkipsNamesAlreadyTaken() {
    List<String> names =
        SelectItemNames.complete(List.of("ID"), List.of(0), Set.of("ID", "ID_1", "ID_2"));
    assertEquals(List.of("ID_3"), names);
  }

  @Test
  void repeatedStructFieldsAreNumberedInOrder() {
    List<String> names =
        SelectItemNames.complete(List.of("F", "F", "F"), List.of(0, 1, 2), Set.of());
    assertEquals(List.of("F", "F_1", "F_2"), names);
  }

  @Test
  void aColumnOrAliasKeepsItsNameEvenWhenASourceHasIt() {
    // Only struct fields are renamed: position 0 is a column selected by name.
    List<String> names = SelectItemNames.complete(List.of("ID"), List.of(), Set.of("ID"));
    assertEquals(List.of("ID"), names);
  }

  @Test
  void generatedNamesSkipSourceColumns() {
    List<String> names =
        SelectItemNames.complete(Arrays.asList(null, "A", null), List.of(), Set.of("KSQL_COL_0"));
    assertEquals(List.of("KSQL_COL_1", "A", "KSQL_COL_2"), names);
  }
}
