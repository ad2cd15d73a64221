package org.opendvc.portal.infrastructure.demo;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.opendvc.portal.calendar.TimeLimitUnit;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.dossier.ActedBy;
import org.opendvc.portal.dossier.Applicant;
import org.opendvc.portal.dossier.ApplicantType;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierAction;
import org.opendvc.portal.dossier.DossierCode;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.TimeLimitRule;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.Role;

/**
 * Demo dossiers over the {@value #DAYS} days before the load moment: a few thousand, received
 * online, at the counter or by post at the demo communes and a few departments and districts, each
 * a transient {@link Dossier} taken through its lifecycle by the entity's own methods (the same
 * transitions the dossier service calls), with times in office hours and due moments from the
 * {@link WorkingCalendar}. Pure and deterministic: the same load moment gives the same dossiers (a
 * fixed seed), and the applicants' ID numbers do not depend on the load moment at all.
 *
 * <p>Each dossier is simulated: a plan of actions (mostly resolved early or on time, some late,
 * some supplement pauses, payments, refusals, withdrawals, stops, transfers) is applied in time
 * order and stops at the load moment, so recent dossiers are still in progress. A handful of
 * {@linkplain #FEATURED featured dossiers} have fixed paths and ID numbers, for the documentation
 * and the demo accounts.
 */
final class DemoDossiers {

  static final long SEED = 20_261_127L;
  static final int TOTAL = 3000;
  static final int DAYS = 120;

  /** Who submits online without a local account (through the national portal). */
  static final String NATIONAL_PORTAL = "dvcqg";

  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

  /** The generated dossiers (ordered by receipt) and the counters they leave. */
  record Result(
      List<DemoDossier> dossiers, Map<String, Integer> counters, List<DemoDossier> featured) {

    /** The counter key: unit code and receipt day, as {@code unit|yyyy-MM-dd}. */
    static String key(String unit, LocalDate day) {
      return unit + "|" + day;
    }
  }

  /** A fixed example: who, where, what, how many working days ago, and its script. */
  record Featured(
      String owner,
      String applicantName,
      String idNumber,
      String agencyCode,
      String procedureCode,
      String channel,
      int workingDaysAgo,
      List<Act> script) {}

  /** One scripted action, taken {@code hours} of office time after the previous step. */
  record Act(DossierAction action, double hours) {}

  private static Act act(DossierAction a, double hours) {
    return new Act(a, hours);
  }

  static final String COMMUNE = "000.01.31.H91";
  static final String JUSTICE = "000.00.03.H91";
  static final String CONGDAN_ID = "001099012345";
  static final String DOANHNGHIEP_ID = "0109912345";

  /** The featured dossiers: the demo applicants' own, and a few to try tracking with. */
  static final List<Featured> FEATURED =
      List.of(
          new Featured(
              "congdan",
              "Nguyễn Văn An",
              CONGDAN_ID,
              COMMUNE,
              "9.001001",
              "ONLINE",
              25,
              List.of(
                  act(DossierAction.ACCEPT, 1),
                  act(DossierAction.START_PROCESSING, 0.5),
                  act(DossierAction.RESOLVE, 3),
                  act(DossierAction.RETURN, 6))),
          new Featured(
              "congdan",
              "Nguyễn Văn An",
              CONGDAN_ID,
              COMMUNE,
              "9.001010",
              "ONLINE",
              3,
              List.of(
                  act(DossierAction.ACCEPT, 1),
                  act(DossierAction.START_PROCESSING, 1),
                  act(DossierAction.REQUEST_SUPPLEMENT, 2))),
          new Featured(
              "congdan",
              "Nguyễn Văn An",
              CONGDAN_ID,
              COMMUNE,
              "9.001009",
              "ONLINE",
              1,
              List.of(
                  act(DossierAction.ACCEPT, 0.5),
                  act(DossierAction.START_PROCESSING, 0.5),
                  act(DossierAction.REQUEST_PAYMENT, 0.5))),
          new Featured(
              "congdan",
              "Nguyễn Văn An",
              CONGDAN_ID,
              JUSTICE,
              "9.003001",
              "ONLINE",
              4,
              List.of(act(DossierAction.ACCEPT, 2), act(DossierAction.START_PROCESSING, 1))),
          new Featured(
              "congdan", "Nguyễn Văn An", CONGDAN_ID, COMMUNE, "9.001002", "ONLINE", 1, List.of()),
          new Featured(
              "congdan",
              "Nguyễn Văn An",
              CONGDAN_ID,
              JUSTICE,
              "9.003004",
              "ONLINE",
              8,
              List.of(
                  act(DossierAction.ACCEPT, 1),
                  act(DossierAction.START_PROCESSING, 1),
                  act(DossierAction.RESOLVE, 20))),
          new Featured(
              "congdan",
              "Nguyễn Văn An",
              CONGDAN_ID,
              COMMUNE,
              "9.001003",
              "ONLINE",
              40,
              List.of(act(DossierAction.WITHDRAW, 3))),
          new Featured(
              "doanhnghiep",
              "Công ty TNHH Thương mại Lam Giang",
              DOANHNGHIEP_ID,
              "000.00.04.H91",
              "9.015001",
              "ONLINE",
              30,
              List.of(
                  act(DossierAction.ACCEPT, 2),
                  act(DossierAction.START_PROCESSING, 1),
                  act(DossierAction.RESOLVE, 16),
                  act(DossierAction.RETURN, 8))),
          new Featured(
              "doanhnghiep",
              "Công ty TNHH Thương mại Lam Giang",
              DOANHNGHIEP_ID,
              "000.00.04.H91",
              "9.015002",
              "ONLINE",
              5,
              List.of(act(DossierAction.ACCEPT, 2), act(DossierAction.START_PROCESSING, 1))),
          new Featured(
              null,
              "Trần Thị Mai",
              "091190004218",
              COMMUNE,
              "9.001001",
              "COUNTER",
              12,
              List.of(
                  act(DossierAction.START_PROCESSING, 1),
                  act(DossierAction.REQUEST_SUPPLEMENT, 3),
                  act(DossierAction.SUPPLEMENT, 16),
                  act(DossierAction.RESOLVE, 4),
                  act(DossierAction.RETURN, 4))),
          new Featured(
              null,
              "Lê Hoàng Nam",
              "091088007531",
              JUSTICE,
              "9.003001",
              "COUNTER",
              16,
              List.of(
                  act(DossierAction.START_PROCESSING, 1),
                  act(DossierAction.REQUEST_PAYMENT, 1),
                  act(DossierAction.PAY, 2))),
          new Featured(
              null,
              "Đinh Thị Hoa",
              "092195002684",
              "000.00.31.H92",
              "9.001008",
              "POST",
              20,
              List.of(
                  act(DossierAction.START_PROCESSING, 2),
                  act(DossierAction.RESOLVE, 40),
                  act(DossierAction.RETURN, 8))),
          new Featured(
              null,
              "Vũ Minh Quân",
              "092201009147",
              "000.00.03.H92",
              "9.003001",
              "COUNTER",
              10,
              List.of(act(DossierAction.REFUSE, 2))));

  private static final String[] FAMILY = {
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
    "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai",
    "Cao"
  };
  private static final String[] MALE_MIDDLE = {
    "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Hoàng"
  };
  private static final String[] FEMALE_MIDDLE = {
    "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Kim", "Phương"
  };
  private static final String[] MALE_GIVEN = {
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Long", "Mạnh", "Nam",
    "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Tiến", "Trung", "Tuấn", "Việt",
    "Vinh"
  };
  private static final String[] FEMALE_GIVEN = {
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Loan",
    "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Trang", "Vân", "Yến"
  };
  private static final String[] BUSINESS = {
    "Công ty TNHH %s",
    "Công ty Cổ phần %s",
    "Công ty TNHH MTV %s",
    "Hợp tác xã %s",
    "Hộ kinh doanh %s"
  };
  private static final String[] BUSINESS_NAMES = {
    "Thương mại Sông Lam",
    "Xây dựng Hưng Phú",
    "Nông sản An Lạc",
    "Vận tải Minh Khê",
    "Dịch vụ Phúc Thịnh",
    "Thực phẩm Vĩnh Hòa",
    "Du lịch Trường Sơn",
    "Cơ khí Đông Lâm",
    "Điện tử Lam Giang",
    "May mặc Hoa Sen",
    "Gỗ mỹ nghệ Tân Phú",
    "Thủy sản Bình Minh",
    "Dược phẩm Hòa An",
    "Vật liệu Phú Cường"
  };
  private static final String[] MOBILE = {
    "090", "091", "093", "094", "096", "097", "098", "086", "088", "070", "077", "081", "085"
  };
  private static final String[] SUPPLEMENT_REASONS = {
    "Thiếu bản sao giấy tờ tùy thân của người yêu cầu",
    "Tờ khai chưa ghi đầy đủ thông tin theo mẫu",
    "Thiếu văn bản ủy quyền của người được ủy quyền",
    "Giấy tờ kèm theo không rõ nét, đề nghị nộp bản rõ hơn",
    "Thiếu giấy tờ chứng minh nơi cư trú"
  };
  private static final String[] REFUSE_REASONS = {
    "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan",
    "Người yêu cầu không đủ điều kiện theo quy định",
    "Hồ sơ đã được nộp và đang giải quyết tại cơ quan khác"
  };
  private static final String[] STOP_REASONS = {
    "Người yêu cầu không bổ sung hồ sơ trong thời hạn quy định",
    "Kết quả xác minh cho thấy không đủ điều kiện giải quyết"
  };
  private static final String[] APOLOGY_REASONS = {
    "Cần xác minh thêm thông tin với cơ quan liên quan", "Chờ ý kiến của cơ quan phối hợp"
  };

  private final WorkingCalendar calendar;
  private final Instant now;
  private final Map<String, DemoProcedure> procedures = new HashMap<>();
  private final Map<String, DemoAgency> agencies = new HashMap<>();
  private final Map<String, List<DemoOffering>> offeringsByAgency = new LinkedHashMap<>();
  private final Map<String, Agency> agencyEntities = new HashMap<>();
  private final Map<String, Procedure> procedureEntities = new HashMap<>();
  private final Map<String, Account> accounts = new HashMap<>();

  private DemoDossiers(DemoData data, Instant now, WorkingCalendar calendar) {
    this.calendar = calendar;
    this.now = now;
    data.procedures().forEach(p -> procedures.put(p.code(), p));
    data.agencies().forEach(a -> agencies.put(a.code(), a));
    for (DemoOffering o : data.offerings()) {
      offeringsByAgency.computeIfAbsent(o.agencyCode(), k -> new ArrayList<>()).add(o);
    }
  }

  /** The demo dossiers received before {@code now}, by the calendar's deadline rule. */
  static Result generate(DemoData data, Instant now, WorkingCalendar calendar) {
    return new DemoDossiers(data, now, calendar).generate(data);
  }

  /** The time limit of a demo procedure, by the rule the portal applies to every procedure. */
  static TimeLimitRule rule(DemoProcedure p) {
    return TimeLimitRule.of(java.math.BigDecimal.valueOf(p.timeLimit()), p.timeUnit());
  }

  // ---------------------------------------------------------------- generation

  private Result generate(DemoData data) {
    List<Run> runs = new ArrayList<>();
    List<Run> featured = new ArrayList<>();
    int i = 0;
    for (Featured f : FEATURED) {
      Run d = featured(f, i++);
      runs.add(d);
      featured.add(d);
    }
    List<String> units = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    activeUnits(data, units, weights);
    int weightSum = weights.stream().mapToInt(Integer::intValue).sum();
    Random rng = new Random(SEED);
    // office time of the window, day by day, so that a receipt moment is drawn uniformly from it
    Instant windowStart = calendar.countingStart(now.minus(Duration.ofDays(DAYS)));
    List<Instant> dayStarts = new ArrayList<>();
    List<Long> cumulative = new ArrayList<>();
    long total = 0;
    for (Instant day = windowStart;
        day.isBefore(now);
        day =
            calendar.countingStart(
                day.atZone(WorkingCalendar.ZONE)
                    .toLocalDate()
                    .plusDays(1)
                    .atStartOfDay(WorkingCalendar.ZONE)
                    .toInstant())) {
      Instant dayEnd =
          day.atZone(WorkingCalendar.ZONE)
              .toLocalDate()
              .plusDays(1)
              .atStartOfDay(WorkingCalendar.ZONE)
              .toInstant();
      long seconds =
          calendar.officeTimeBetween(day, dayEnd.isBefore(now) ? dayEnd : now).toSeconds()
              - (dayEnd.isBefore(now) ? 0 : 600);
      if (seconds > 0) {
        dayStarts.add(day);
        total += seconds;
        cumulative.add(total);
      }
    }
    for (int n = FEATURED.size(); n < TOTAL; n++) {
      int pick = rng.nextInt(weightSum);
      int u = 0;
      while (pick >= weights.get(u)) {
        pick -= weights.get(u++);
      }
      String unit = units.get(u);
      List<DemoOffering> offered = offeringsByAgency.get(unit);
      // the first procedures of a field (birth, marriage, certification...) are the common ones
      DemoOffering o =
          rng.nextDouble() < 0.6
              ? offered.get(rng.nextInt(Math.min(10, offered.size())))
              : offered.get(rng.nextInt(offered.size()));
      long at = (long) (rng.nextDouble() * total);
      int day = java.util.Collections.binarySearch(cumulative, at + 1);
      day = day >= 0 ? day : -day - 1;
      long into = at - (day == 0 ? 0 : cumulative.get(day - 1));
      Instant received =
          inOffice(calendar.plusOfficeTime(dayStarts.get(day), Duration.ofSeconds(into)));
      runs.add(
          generic(
              n, procedures.get(o.procedureCode()), agencies.get(unit), o.level(), received, rng));
    }
    return finish(runs, featured);
  }

  /** Communes mostly, the demo officers' agencies more, a few departments and districts. */
  private void activeUnits(DemoData data, List<String> units, List<Integer> weights) {
    Map<String, Integer> w = new LinkedHashMap<>();
    for (DemoProvince p : data.provinces()) {
      List<DemoAgency> communes = p.ofTier(Tier.COMMUNE);
      for (int c = 0; c < communes.size(); c++) {
        if (c % 4 == 0) {
          w.put(communes.get(c).code(), 1 + (c < 12 ? 1 : 0));
        }
      }
      w.put(communes.get(0).code(), 8);
      for (String key : List.of("JUSTICE", "PLANNING", "ENV", "CONSTRUCTION")) {
        w.merge(p.departmentFor(key), key.equals("JUSTICE") ? 8 : 3, Math::max);
      }
      List<DemoAgency> districts = p.ofTier(Tier.DISTRICT);
      for (int d = 0; d < Math.min(2, districts.size()); d++) {
        w.put(districts.get(d).code(), 2);
      }
    }
    w.forEach(
        (unit, weight) -> {
          if (offeringsByAgency.containsKey(unit)) {
            units.add(unit);
            weights.add(weight);
          }
        });
  }

  /** A time inside an office period (a moment at a period's end moves one second back). */
  private Instant inOffice(Instant t) {
    Instant s = t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return calendar.isOfficeTime(s) ? s : s.minusSeconds(1);
  }

  private Instant after(Instant t, double hours) {
    long seconds = Math.max(300, (long) (hours * 3600));
    return inOffice(calendar.plusOfficeTime(t, Duration.ofSeconds(seconds)));
  }

  private String officer(String unit) {
    return switch (unit) {
      case COMMUNE -> "canbo.xa";
      case JUSTICE -> "canbo.tuphap";
      case "000.00.31.H92" -> "canbo.xa2";
      default -> "motcua." + unit;
    };
  }

  // ---------------------------------------------------------------- one dossier

  /**
   * A dossier being simulated: a transient {@link Dossier} received and moved by its own methods,
   * at moments in office time that the simulation chooses, and the moment of its last step.
   */
  private final class Run {
    final Dossier dossier;
    final DemoProcedure procedure;
    final DemoAgency receiving;
    final String owner;
    final TimeLimitRule rule;
    Instant last;
    boolean stopped;

    Run(
        DemoProcedure procedure,
        DemoAgency receiving,
        String channel,
        String owner,
        String[] applicant,
        Instant receivedAt) {
      this.procedure = procedure;
      this.receiving = receiving;
      this.owner = owner;
      this.rule = rule(procedure);
      this.last = receivedAt;
      boolean online = channel.equals("ONLINE");
      // numbered once every dossier is drawn (finish); the entity's code is only provisional
      DossierCode provisional =
          new DossierCode(
              receiving.code(), receivedAt.atZone(WorkingCalendar.ZONE).toLocalDate(), 1);
      dossier =
          Dossier.receive(
              provisional,
              procedureEntity(procedure),
              agencyEntity(receiving),
              Channel.valueOf(channel),
              new Applicant(
                  ApplicantType.valueOf(applicant[0]),
                  applicant[1],
                  applicant[2],
                  applicant[3],
                  applicant[4],
                  applicant[5]),
              owner == null ? null : account(owner),
              null,
              receivedAt,
              rule,
              calendar,
              online ? (owner != null ? owner : NATIONAL_PORTAL) : officer(receiving.code()));
    }

    DossierStatus status() {
      return dossier.status();
    }

    /** Takes an action {@code hours} after the last step, unless that is after the load moment. */
    boolean take(DossierAction action, double hours, String note, Random rng) {
      if (stopped) {
        return false;
      }
      Instant at = after(last, hours);
      if (at.isAfter(now)) {
        stopped = true;
        return false;
      }
      String agency = dossier.agency().code();
      ActedBy by =
          action.actor() == DossierAction.Actor.APPLICANT && owner != null
              ? ActedBy.applicant(owner)
              : ActedBy.officer(officer(agency), agency);
      switch (action) {
        case ACCEPT -> dossier.accept(by, at, rule, calendar, note);
        case REFUSE -> dossier.refuse(by, at, note);
        case START_PROCESSING -> dossier.startProcessing(by, at, note);
        case TRANSFER ->
            dossier.transfer(by, at, agencyEntity(agencies.get(receiving.parentCode())), note);
        case REQUEST_SUPPLEMENT -> dossier.requestSupplement(by, at, note);
        case SUPPLEMENT -> dossier.supplement(by, at, calendar, note);
        case REQUEST_PAYMENT -> dossier.requestPayment(by, at, DemoDataWriter.DEMO_FEE, note);
        case PAY -> dossier.pay(by, at, note);
        case WITHDRAW -> dossier.withdraw(by, at, note);
        case STOP -> dossier.stop(by, at, note);
        case RESOLVE -> dossier.resolve(by, at, note);
        case RETURN -> dossier.returnResult(by, at, note);
        case APOLOGIZE ->
            dossier.apologize(
                by, at, after(dossier.dueAt().orElseThrow(), 8 + rng.nextInt(24)), note);
      }
      last = at;
      return true;
    }
  }

  /** The transient agency of a demo agency, one per code. */
  private Agency agencyEntity(DemoAgency a) {
    return agencyEntities.computeIfAbsent(
        a.code(), code -> new Agency(code, a.name(), a.tier(), null));
  }

  /** The transient procedure of a demo procedure, one per code. */
  private Procedure procedureEntity(DemoProcedure p) {
    return procedureEntities.computeIfAbsent(
        p.code(), code -> new Procedure(code, p.name(), ProcedureDetails.empty()));
  }

  /** The transient account of a demo applicant, one per username. */
  private Account account(String username) {
    return accounts.computeIfAbsent(
        username, u -> new Account(u, null, Role.APPLICANT, null, null, now));
  }

  private static String note(DossierAction a, DemoProcedure p, Random rng) {
    return switch (a) {
      case REQUEST_SUPPLEMENT -> pick(SUPPLEMENT_REASONS, rng);
      case REFUSE -> pick(REFUSE_REASONS, rng);
      case STOP -> pick(STOP_REASONS, rng);
      case APOLOGIZE -> pick(APOLOGY_REASONS, rng);
      case SUPPLEMENT -> "Đã bổ sung hồ sơ";
      case PAY -> "Đã nộp phí, lệ phí";
      case WITHDRAW -> "Người nộp đề nghị rút hồ sơ";
      case TRANSFER -> "Chuyển hồ sơ liên thông";
      case RESOLVE -> "Đã có kết quả: " + p.results().get(0);
      case RETURN -> "Đã trả kết quả";
      default -> null;
    };
  }

  private Run featured(Featured f, int index) {
    DemoAgency agency = agencies.get(f.agencyCode());
    DemoProcedure p = procedures.get(f.procedureCode());
    Random rng = new Random(SEED + index);
    LocalDate day = now.atZone(WorkingCalendar.ZONE).toLocalDate();
    for (int n = 0; n < f.workingDaysAgo(); ) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        n++;
      }
    }
    Instant received =
        ZonedDateTime.of(day, LocalTime.of(8, 0).plusMinutes(7L * index), WorkingCalendar.ZONE)
            .toInstant();
    String[] applicant =
        f.owner() != null && f.owner().equals("doanhnghiep")
            ? new String[] {
              "BUSINESS",
              f.applicantName(),
              f.idNumber(),
              "0200 3812 456",
              "lienhe@lamgiang.example.org",
              "Số 12 đường Lam Sơn, thành phố Lam Giang"
            }
            : person(new Random(SEED * 7 + index), agency);
    if (f.owner() == null || f.owner().equals("congdan")) {
      applicant[0] = "CITIZEN";
      applicant[1] = f.applicantName();
      applicant[2] = f.idNumber();
    }
    Run d = new Run(p, agency, f.channel(), f.owner(), applicant, received);
    for (Act a : f.script()) {
      d.take(a.action(), a.hours(), note(a.action(), p, rng), rng);
    }
    return d;
  }

  private Run generic(
      int index, DemoProcedure p, DemoAgency agency, int level, Instant received, Random rng) {
    TimeLimitRule rule = rule(p);
    double r = rng.nextDouble();
    boolean postal = rule.unit() != TimeLimitUnit.WORKING_HOURS;
    double online = level == 4 ? 0.55 : level == 3 ? 0.35 : 0;
    String channel = r < online ? "ONLINE" : postal && r > 0.92 ? "POST" : "COUNTER";
    Random who = new Random(SEED * 31 + index);
    String[] applicant = who.nextDouble() < 0.12 ? business(who, agency) : person(who, agency);
    Run d = new Run(p, agency, channel, null, applicant, received);
    plan(d, p, rng);
    return d;
  }

  /** The random path of a dossier through the lifecycle, cut off at the load moment. */
  private void plan(Run d, DemoProcedure p, Random rng) {
    if (d.status() == DossierStatus.RECEIVING) {
      double r = rng.nextDouble();
      if (r < 0.03) {
        take(d, DossierAction.REFUSE, 1 + rng.nextDouble() * 7, p, rng);
        return;
      }
      if (r < 0.04) {
        take(d, DossierAction.WITHDRAW, 1 + rng.nextDouble() * 7, p, rng);
        return;
      }
      if (r < 0.07) {
        take(d, DossierAction.REQUEST_SUPPLEMENT, 0.5 + rng.nextDouble() * 4, p, rng);
        take(d, DossierAction.SUPPLEMENT, 4 + rng.nextDouble() * 24, p, rng);
      }
      take(
          d,
          DossierAction.ACCEPT,
          rng.nextDouble() < 0.1 ? 8 + rng.nextDouble() * 16 : 0.2 + rng.nextDouble() * 5,
          p,
          rng);
    } else if (rng.nextDouble() < 0.02) {
      take(d, DossierAction.REFUSE, 0.2 + rng.nextDouble() * 2, p, rng);
      return;
    }
    take(d, DossierAction.START_PROCESSING, 0.1 + rng.nextDouble() * 3, p, rng);
    if (d.receiving.tier() == Tier.COMMUNE
        && d.receiving.parentCode() != null
        && agencies.get(d.receiving.parentCode()).tier() == Tier.DISTRICT
        && rng.nextDouble() < 0.03) {
      take(d, DossierAction.TRANSFER, 0.5 + rng.nextDouble() * 4, p, rng);
    }
    if (p.fee() > 0 && rng.nextDouble() < 0.7) {
      take(d, DossierAction.REQUEST_PAYMENT, 0.2 + rng.nextDouble() * 3, p, rng);
      if (rng.nextDouble() < 0.01) {
        take(d, DossierAction.WITHDRAW, 8 + rng.nextDouble() * 16, p, rng);
        return;
      }
      take(d, DossierAction.PAY, 0.2 + rng.nextDouble() * 12, p, rng);
    }
    double s = rng.nextDouble();
    if (s < 0.13) {
      take(d, DossierAction.REQUEST_SUPPLEMENT, 0.5 + rng.nextDouble() * 12, p, rng);
      double outcome = rng.nextDouble();
      if (outcome < 0.06) {
        take(d, DossierAction.STOP, 40 + rng.nextDouble() * 40, p, rng);
        return;
      }
      if (outcome < 0.1) {
        take(d, DossierAction.WITHDRAW, 8 + rng.nextDouble() * 30, p, rng);
        return;
      }
      take(d, DossierAction.SUPPLEMENT, 4 + rng.nextDouble() * 40, p, rng);
      if (s < 0.015) {
        take(d, DossierAction.REQUEST_SUPPLEMENT, 1 + rng.nextDouble() * 8, p, rng);
        take(d, DossierAction.SUPPLEMENT, 4 + rng.nextDouble() * 24, p, rng);
      }
    }
    double end = rng.nextDouble();
    if (end < 0.012) {
      take(d, DossierAction.STOP, 2 + rng.nextDouble() * 16, p, rng);
      return;
    }
    if (end < 0.022) {
      take(d, DossierAction.WITHDRAW, 2 + rng.nextDouble() * 16, p, rng);
      return;
    }
    if (d.stopped || d.dossier.dueAt().isEmpty()) {
      return;
    }
    // mostly early, some on the due day, about one in fifteen late (a few very late)
    double span =
        Math.max(0, calendar.officeTimeBetween(d.last, d.dossier.dueAt().get()).toSeconds())
            / 3600.0;
    double k = rng.nextDouble();
    double hours;
    if (k < 0.62) {
      hours = span * (0.15 + rng.nextDouble() * 0.6);
    } else if (k < 0.93) {
      hours = span * (0.85 + rng.nextDouble() * 0.14);
    } else {
      hours = span + (k < 0.99 ? 3 + rng.nextDouble() * 50 : 60 + rng.nextDouble() * 300);
      if (rng.nextDouble() < 0.3 && span > 2) {
        take(d, DossierAction.APOLOGIZE, span * 0.8, p, rng);
        hours -= span * 0.8;
      }
    }
    take(d, DossierAction.RESOLVE, hours, p, rng);
    take(
        d,
        DossierAction.RETURN,
        rng.nextDouble() < 0.1 ? 16 + rng.nextDouble() * 24 : 0.3 + rng.nextDouble() * 12,
        p,
        rng);
  }

  private static void take(Run d, DossierAction a, double hours, DemoProcedure p, Random rng) {
    d.take(a, hours, note(a, p, rng), rng);
  }

  // ---------------------------------------------------------------- applicants

  private String[] person(Random rng, DemoAgency agency) {
    boolean female = rng.nextBoolean();
    String name =
        pick(FAMILY, rng)
            + " "
            + pick(female ? FEMALE_MIDDLE : MALE_MIDDLE, rng)
            + " "
            + pick(female ? FEMALE_GIVEN : MALE_GIVEN, rng);
    int year = 1950 + rng.nextInt(56);
    // citizen ID: province of birth, sex and century, year of birth, six digits
    String id =
        String.format(
            "0%02d%d%02d%06d",
            91 + (agency.code().endsWith("H92") ? 1 : 0),
            (year >= 2000 ? 2 : 0) + (female ? 1 : 0),
            year % 100,
            rng.nextInt(1_000_000));
    String phone = pick(MOBILE, rng) + String.format("%07d", rng.nextInt(10_000_000));
    phone = phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
    String email =
        rng.nextDouble() < 0.3
            ? ascii(name).replace(" ", ".") + (1 + rng.nextInt(99)) + "@example.org"
            : null;
    return new String[] {"CITIZEN", name, id, phone, email, address(rng, agency)};
  }

  private String[] business(Random rng, DemoAgency agency) {
    String name = String.format(pick(BUSINESS, rng), pick(BUSINESS_NAMES, rng));
    String id = String.format("02%08d", rng.nextInt(100_000_000));
    String phone = String.format("0200 %04d %03d", rng.nextInt(10_000), rng.nextInt(1000));
    String email =
        rng.nextDouble() < 0.7 ? "lienhe" + (1 + rng.nextInt(999)) + "@example.org" : null;
    return new String[] {"BUSINESS", name, id, phone, email, address(rng, agency)};
  }

  private String address(Random rng, DemoAgency agency) {
    String place =
        agency.tier() == Tier.COMMUNE
            ? agency.shortName()
            : agencies
                .get(agency.parentCode() == null ? agency.code() : agency.parentCode())
                .shortName();
    return (rng.nextBoolean() ? "Tổ dân phố " : "Thôn ") + (1 + rng.nextInt(12)) + ", " + place;
  }

  private static String pick(String[] values, Random rng) {
    return values[rng.nextInt(values.length)];
  }

  static String ascii(String text) {
    String s =
        Normalizer.normalize(text.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return s.toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- codes and counters

  private Result finish(List<Run> runs, List<Run> featured) {
    runs.sort(
        Comparator.comparing((Run d) -> d.dossier.receivedAt())
            .thenComparing(d -> d.receiving.code()));
    Map<String, Integer> counters = new LinkedHashMap<>();
    Map<Run, DemoDossier> done = new LinkedHashMap<>();
    List<DemoDossier> out = new ArrayList<>();
    for (Run d : runs) {
      LocalDate day = d.dossier.receivedAt().atZone(WorkingCalendar.ZONE).toLocalDate();
      int seq = counters.merge(Result.key(d.receiving.code(), day), 1, Integer::sum);
      String code =
          d.receiving.code() + "-" + day.format(YYMMDD) + "-" + String.format("%04d", seq);
      DemoDossier dossier = DemoDossier.of(code, d.dossier);
      done.put(d, dossier);
      out.add(dossier);
    }
    return new Result(out, counters, featured.stream().map(done::get).toList());
  }

  // ---------------------------------------------------------------- summaries

  /** Dossiers per status code, e.g. {@code "status 1: 12, 2: 30, ..."}. */
  static String statusSummary(List<DemoDossier> dossiers) {
    int[] by = new int[11];
    dossiers.forEach(d -> by[d.status()]++);
    StringBuilder out = new StringBuilder("by status");
    for (int s = 1; s <= 10; s++) {
      out.append(s == 1 ? " " : ", ").append(s).append(": ").append(by[s]);
    }
    return out.toString();
  }

  /**
   * A few featured dossiers without an account, as "code (ID number)", to try the tracking page.
   */
  /**
   * The codes of the featured dossiers to try tracking with. Their ID numbers stay out of the log,
   * invented as they are: a log is no place for ID numbers, and docs/demo-data.md lists them.
   */
  static String tryTracking(Result result) {
    return String.join(
            ", ",
            result.featured().stream()
                .filter(d -> d.ownerUsername() == null)
                .map(DemoDossier::code)
                .toList())
        + " (ID numbers in docs/demo-data.md)";
  }
}
