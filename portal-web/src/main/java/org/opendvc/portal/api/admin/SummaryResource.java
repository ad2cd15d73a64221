package org.opendvc.portal.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.notification.WeeklySummaries;
import org.opendvc.portal.shared.InvalidInputException;

/** Sends the weekly summaries by hand (they also go every Monday at 07:00). */
@Path("/v1/admin/summaries/weekly")
@Tag(name = "Administration", description = "Accounts and operations")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class SummaryResource {

  @Inject private WeeklySummaries summaries;

  @POST
  @Operation(
      summary = "Send the weekly summaries of a week to the agencies' administrators" + " (ADMIN)",
      description =
          "week: the Monday the week starts (default: last week). Summaries already"
              + " sent for that week are skipped. Answers {weekStart, agencies, sent, alreadySent,"
              + " mails}.")
  public WeeklySummaries.Result send(@QueryParam("week") String week) {
    LocalDate monday = summaries.lastWeek();
    if (week != null && !week.isBlank()) {
      try {
        monday = LocalDate.parse(week.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("week", "summary.badWeek", week);
      }
      if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
        throw new InvalidInputException("week", "summary.badWeek", week);
      }
    }
    return summaries.send(monday);
  }
}
