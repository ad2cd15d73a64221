package org.opendvc.portal.web.shared;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets pages read record components as properties ({@code #{hit.name}} for {@code hit.name()}):
 * Expression Language 5 (Jakarta EE 10) only knows JavaBean getters, and the view adapters are
 * records. Read-only, as records are.
 */
public class RecordELResolver extends ELResolver {

  private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

  private static Method accessor(Object base, Object property) {
    if (!(base instanceof Record) || property == null) {
      return null;
    }
    return ACCESSORS
        .computeIfAbsent(
            base.getClass(),
            type -> {
              Map<String, Method> byName = new ConcurrentHashMap<>();
              for (RecordComponent c : type.getRecordComponents()) {
                Method m = c.getAccessor();
                m.setAccessible(true);
                byName.put(c.getName(), m);
              }
              return byName;
            })
        .get(property.toString());
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    Method m = accessor(base, property);
    if (m == null) {
      return null;
    }
    context.setPropertyResolved(base, property);
    try {
      return m.invoke(base);
    } catch (ReflectiveOperationException e) {
      throw new jakarta.el.ELException(e);
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    Method m = accessor(base, property);
    if (m == null) {
      return null;
    }
    context.setPropertyResolved(base, property);
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (accessor(base, property) != null) {
      throw new PropertyNotWritableException(property.toString());
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (accessor(base, property) != null) {
      context.setPropertyResolved(base, property);
      return true;
    }
    return false;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base instanceof Record ? String.class : null;
  }
}
