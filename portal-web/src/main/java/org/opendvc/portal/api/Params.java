package org.opendvc.portal.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * Reads query parameters, collecting every problem so that a client learns all it must fix from one
 * answer. Parameters are taken as strings: a JAX-RS typed parameter would turn "abc" into a 404
 * instead of a clear 400.
 */
public final class Params {

  private final List<FieldProblem> problems = new ArrayList<>();

  public Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(name, "param.notInteger", name, value));
      return null;
    }
  }

  /**
   * The deepest page anyone may ask for: beyond it the offset of a page of the largest size would
   * no longer fit the database's row count arithmetic, and nobody pages that far by hand.
   */
  public static final int MAX_PAGE = 1_000_000;

  public int page(String value) {
    Integer page = integer("page", value);
    if (page != null && (page < 0 || page > MAX_PAGE)) {
      problems.add(new FieldProblem("page", "param.pageRange", MAX_PAGE));
      return 0;
    }
    return page == null ? 0 : page;
  }

  public int size(String value, int defaultSize, int max) {
    Integer size = integer("size", value);
    if (size != null && (size < 1 || size > max)) {
      problems.add(new FieldProblem("size", "param.sizeRange", max));
      return defaultSize;
    }
    return size == null ? defaultSize : size;
  }

  public Integer level(String value) {
    Integer level = integer("level", value);
    if (level != null && (level < 2 || level > 4)) {
      problems.add(new FieldProblem("level", "param.levelInvalid"));
      return null;
    }
    return level;
  }

  public Optional<Tier> tier(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Optional<Tier> tier = Tier.fromKey(value);
    if (tier.isEmpty()) {
      problems.add(
          new FieldProblem(
              "tier",
              "param.tierInvalid",
              value,
              Arrays.stream(Tier.values()).map(Tier::key).collect(Collectors.joining(", "))));
    }
    return tier;
  }

  public String text(String name, String value, int max) {
    if (value != null && value.length() > max) {
      problems.add(new FieldProblem(name, "param.queryTooLong", max));
      return null;
    }
    return value;
  }

  /**
   * A moment as the API takes it (docs/api.md, conventions): ISO-8601 with an offset, or without
   * one meaning local time in Asia/Ho_Chi_Minh; empty for text that is neither.
   */
  public static Optional<java.time.Instant> moment(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(text.strip()).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return Optional.of(
            java.time.LocalDateTime.parse(text.strip())
                .atZone(org.opendvc.portal.calendar.WorkingCalendar.ZONE)
                .toInstant());
      } catch (java.time.format.DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  public void add(FieldProblem problem) {
    problems.add(problem);
  }

  /** Throws when any parameter was wrong. */
  public void check() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
