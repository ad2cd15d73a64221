package org.opendvc.portal.api.dossier;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.time.Instant;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.api.problem.StrictJson;
import org.opendvc.portal.dossier.ActionCommand;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * The body of {@code POST /api/v1/dossiers/{code}/actions}. Which action is allowed, and what each
 * needs, is the dossier's rule; this binds the members and checks their form.
 *
 * @param reason the same as {@code note}, the word the refusing actions use
 * @param newDueAt an ISO-8601 moment; without an offset it is local time in Vietnam
 * @param amount the fee asked by REQUEST_PAYMENT, in đồng
 */
public record ActionRequest(
    String action,
    String note,
    String reason,
    String targetAgencyCode,
    String newDueAt,
    @JsonbTypeDeserializer(StrictJson.WholeInt.class) Integer expectedVersion,
    @JsonbTypeDeserializer(StrictJson.WholeNumber.class) Long amount) {

  /** The largest fee taken: far above any real one, well inside what is stored. */
  private static final long MAX_AMOUNT = (1L << 49) - 1;

  ActionCommand command() {
    if (amount != null && (amount <= 0 || amount > MAX_AMOUNT)) {
      throw new InvalidInputException("amount", "dossier.amountRequired");
    }
    return new ActionCommand(
        action,
        reason != null ? reason : note,
        targetAgencyCode,
        moment("newDueAt", newDueAt),
        expectedVersion,
        amount);
  }

  private static Instant moment(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Params.moment(text)
        .orElseThrow(() -> new InvalidInputException(field, "dossier.fieldFormat", field));
  }
}
