package org.opendvc.portal.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.dossier.attachment.FileSweep;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.FieldProblem;

/** Runs the sweep of files nobody owns by hand (it also runs after start and every hour). */
@Path("/v1/admin/files/sweep")
@Tag(name = "Administration", description = "Accounts and operations")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class FileSweepResource {

  @Inject private FileSweep sweep;

  @POST
  @Operation(
      summary = "Remove stored files without a row and left-over uploads (ADMIN)",
      description =
          "olderThanMinutes: only files last written that long ago (default 60, at"
              + " least 10, so that uploads in progress are never touched). Answers {orphanFiles,"
              + " tempFiles}.")
  public FileSweep.Result sweep(@QueryParam("olderThanMinutes") String olderThanMinutes) {
    Params p = new Params();
    Integer minutes = p.integer("olderThanMinutes", olderThanMinutes);
    if (minutes != null && minutes < 10) {
      p.add(new FieldProblem("olderThanMinutes", "files.sweepTooRecent", 10));
    }
    p.check();
    return sweep.sweep(Instant.now().minus(Duration.ofMinutes(minutes == null ? 60 : minutes)));
  }
}
