package org.opendvc.portal.api.sync;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * The answer to a batch: how many records created, updated (changes appended) and unchanged
 * dossiers, and the records rejected, each with its position in the batch (from 0), its code when
 * it could be read, the reason in the request's language and every problem by field.
 */
public record SyncAnswer(int created, int updated, int unchanged, List<Rejection> rejected) {

  /** A rejected record. */
  @JsonbNillable
  public record Rejection(int index, String code, String reason, List<Error> errors) {}

  /** One problem of a rejected record. */
  public record Error(String field, String message) {}
}
