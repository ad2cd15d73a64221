package org.opendvc.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoleTest {

  /** {@code @RolesAllowed(Role.Names.X)} must name a role that exists, and every role has one. */
  @Test
  void everyRoleHasItsNameAsAConstantAndNoConstantNamesAnotherRole() throws Exception {
    Set<String> constants = new TreeSet<>();
    for (Field f : Role.Names.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        assertEquals(f.getName(), f.get(null), "constant " + f.getName());
        constants.add((String) f.get(null));
      }
    }
    Set<String> roles =
        Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(roles, constants);
  }
}
