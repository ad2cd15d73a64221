package org.opendvc.portal.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything Decree 63/2010 Art. 8 asks of a procedure beyond its name and code: steps, channels
 * with time limits and fees, dossier components with their forms, subjects, agencies, results and
 * legal basis. Stored as one JSON document with the procedure: it is read whole and never queried
 * piece by piece.
 */
public record ProcedureDetails(
    List<StepGroup> steps,
    List<ChannelTerms> channels,
    List<ComponentGroup> components,
    List<String> subjects,
    List<String> implementingAgencies,
    List<String> competentAgencies,
    List<String> coordinatingAgencies,
    List<String> results,
    List<LegalBasis> legalBases) {

  public ProcedureDetails {
    steps = copy(steps);
    channels = copy(channels);
    components = copy(components);
    subjects = copy(subjects);
    implementingAgencies = copy(implementingAgencies);
    competentAgencies = copy(competentAgencies);
    coordinatingAgencies = copy(coordinatingAgencies);
    results = copy(results);
    legalBases = copy(legalBases);
  }

  public static ProcedureDetails empty() {
    return new ProcedureDetails(null, null, null, null, null, null, null, null, null);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Steps (trình tự thực hiện), grouped by case (trường hợp) where the procedure has cases. */
  public record StepGroup(String caseName, List<String> steps) {
    public StepGroup {
      steps = copy(steps);
    }
  }

  /** How a dossier reaches the agency (cách thức thực hiện). */
  public enum Channel {
    IN_PERSON(1),
    ONLINE(2),
    POSTAL(3);

    private final int feedCode;

    Channel(int feedCode) {
      this.feedCode = feedCode;
    }

    public int feedCode() {
      return feedCode;
    }

    public static java.util.Optional<Channel> ofFeedCode(int code) {
      return java.util.Arrays.stream(values()).filter(c -> c.feedCode == code).findFirst();
    }
  }

  /** A channel's time limits and fees. */
  public record ChannelTerms(Channel channel, List<TimeLimit> timeLimits) {
    public ChannelTerms {
      timeLimits = copy(timeLimits);
    }
  }

  /** Unit of a time limit; {@code UNSPECIFIED} where the source gave a number without a unit. */
  public enum TimeUnit {
    WORKING_DAYS,
    DAYS,
    WORKING_HOURS,
    MONTHS,
    UNSPECIFIED
  }

  /** A time limit (thời hạn giải quyết) with the fees (phí, lệ phí) that go with it. */
  public record TimeLimit(BigDecimal amount, TimeUnit unit, String description, List<Fee> fees) {
    public TimeLimit {
      fees = copy(fees);
    }
  }

  /** A fee or charge; amount is null where the source only describes it. */
  public record Fee(BigDecimal amount, String currency, String description) {}

  /** Dossier components (thành phần hồ sơ), grouped by case. */
  public record ComponentGroup(String caseName, List<Document> documents) {
    public ComponentGroup {
      documents = copy(documents);
    }
  }

  /** One paper of the dossier, with its form (mẫu đơn, tờ khai) where there is one. */
  public record Document(String name, String formName, String formUrl, int originals, int copies) {}

  /** A legal text the procedure rests on (căn cứ pháp lý). */
  public record LegalBasis(String number, String title) {}
}
