package org.opendvc.portal.infrastructure.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.NationalFeedReader;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureDetails.Channel;
import org.opendvc.portal.catalogue.ProcedureDetailsConverter;
import org.opendvc.portal.catalogue.ProcedureRecord;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.identity.Role;

/** What the demo loads, checked without a database. */
class DemoDataTest {

  private static final Pattern AGENCY_CODE = Pattern.compile("000\\.\\d{2}\\.\\d{2}\\.H9[12]");
  private static final Pattern PROCEDURE_CODE = Pattern.compile("9\\.0\\d{5}");

  private static DemoData data;
  private static List<ProcedureRecord> records;

  @BeforeAll
  static void build() {
    data = DemoData.build();
    records = data.feedRecords().stream().map(NationalFeedReader::read).toList();
  }

  // ---------------------------------------------------------------- agencies

  @Test
  void threeTierProvinceHasTheSeedProvincesShape() {
    DemoProvince a = data.provinces().get(0);
    DemoAgency root = a.root();
    assertEquals("UBND tỉnh Sông Lam", root.name());
    assertEquals(Tier.PROVINCE, root.tier());
    assertNull(root.parentCode());
    assertEquals(20, a.departments().size());
    assertEquals(a.ofTier(Tier.PROVINCE).size(), a.departments().size() + 1);
    List<DemoAgency> districts = a.ofTier(Tier.DISTRICT);
    assertEquals(7, districts.size());
    districts.forEach(d -> assertEquals(root.code(), d.parentCode(), d.code()));
    List<DemoAgency> communes = a.ofTier(Tier.COMMUNE);
    assertEquals(138, communes.size());
    Map<String, Long> perDistrict =
        communes.stream()
            .collect(Collectors.groupingBy(DemoAgency::parentCode, Collectors.counting()));
    assertEquals(
        districts.stream().map(DemoAgency::code).collect(Collectors.toSet()),
        perDistrict.keySet(),
        "every commune under a district, every district with communes");
    perDistrict.values().forEach(n -> assertTrue(n >= 15, "communes spread over districts"));
    assertEquals(1 + 20 + 7 + 138, a.agencies().size());
  }

  @Test
  void twoTierProvinceHasNoDistricts() {
    DemoProvince b = data.provinces().get(1);
    DemoAgency root = b.root();
    assertEquals("UBND tỉnh Trường Sơn", root.name());
    assertFalse(b.hasDistrictTier());
    assertEquals(12, b.departments().size());
    List<DemoAgency> communes = b.ofTier(Tier.COMMUNE);
    assertEquals(40, communes.size());
    communes.forEach(c -> assertEquals(root.code(), c.parentCode(), c.code()));
    assertEquals(1 + 12 + 40, b.agencies().size());
  }

  @Test
  void agencyNamesReadLikeTheRealOnes() {
    DemoProvince a = data.provinces().get(0);
    Set<String> departments =
        a.departments().stream().map(DemoAgency::name).collect(Collectors.toSet());
    for (String expected :
        List.of(
            "Sở Tư pháp tỉnh Sông Lam",
            "Sở Xây dựng tỉnh Sông Lam",
            "Sở Kế hoạch và Đầu tư tỉnh Sông Lam",
            "Sở Tài nguyên và Môi trường tỉnh Sông Lam",
            "Thanh tra tỉnh Sông Lam")) {
      assertTrue(departments.contains(expected), expected);
    }
    a.ofTier(Tier.DISTRICT)
        .forEach(
            d ->
                assertTrue(
                    d.name().startsWith("UBND huyện ") || d.name().startsWith("UBND thành phố "),
                    d.name()));
    for (DemoProvince p : data.provinces()) {
      p.ofTier(Tier.COMMUNE)
          .forEach(
              c ->
                  assertTrue(
                      c.name().startsWith("UBND xã ")
                          || c.name().startsWith("UBND phường ")
                          || c.name().startsWith("UBND thị trấn "),
                      c.name()));
    }
    assertTrue(a.ofTier(Tier.COMMUNE).stream().anyMatch(c -> c.name().contains("thị trấn")));
    assertTrue(a.ofTier(Tier.COMMUNE).stream().anyMatch(c -> c.name().contains("phường")));
  }

  @Test
  void agencyCodesAndNamesAreUniqueAndFitTheSchema() {
    List<DemoAgency> all = data.agencies();
    assertEquals(166 + 53, all.size());
    assertUnique(all, DemoAgency::code, "agency code");
    assertUnique(all, DemoAgency::name, "agency name");
    assertUnique(all, DemoAgency::email, "agency e-mail");
    for (DemoAgency a : all) {
      assertTrue(AGENCY_CODE.matcher(a.code()).matches(), a.code());
      assertTrue(a.code().length() <= 40);
      assertTrue(a.name().length() <= 255 && a.address().length() <= 500, a.code());
      assertTrue(a.phone().length() <= 50 && a.email().endsWith(".example"), a.code());
    }
  }

  @Test
  void parentsComeFirstAndEveryParentExists() {
    Set<String> seen = new HashSet<>();
    for (DemoAgency a : data.agencies()) {
      assertTrue(a.parentCode() == null || seen.contains(a.parentCode()), a.code());
      seen.add(a.code());
    }
    List<List<DemoAgency>> levels = DemoDataWriter.byDepth(data.agencies());
    assertEquals(3, levels.size());
    assertEquals(2, levels.get(0).size(), "two roots");
    assertEquals(20 + 7 + 12 + 40, levels.get(1).size());
    assertEquals(138, levels.get(2).size());
    assertEquals(
        data.provinces().get(0).root(),
        levels.get(0).get(0),
        "the first province's root goes in first: it is the loading claim");
  }

  // ---------------------------------------------------------------- procedures

  @Test
  void aFewHundredProceduresWithUniqueInventedCodes() {
    int n = data.procedures().size();
    assertTrue(n >= 280 && n <= 400, "procedures: " + n);
    assertUnique(data.procedures(), DemoProcedure::code, "procedure code");
    assertUnique(data.procedures(), DemoProcedure::name, "procedure name");
    data.procedures()
        .forEach(p -> assertTrue(PROCEDURE_CODE.matcher(p.code()).matches(), p.code()));
    Set<String> fields =
        data.procedures().stream().map(p -> p.field().name()).collect(Collectors.toSet());
    for (String field :
        List.of(
            "Hộ tịch",
            "Chứng thực",
            "Đất đai",
            "Xây dựng",
            "Thành lập và hoạt động của doanh nghiệp",
            "Giáo dục và Đào tạo",
            "Khám bệnh, chữa bệnh",
            "Việc làm",
            "Đường bộ",
            "Văn hóa")) {
      assertTrue(fields.contains(field), field);
    }
    Set<String> names =
        data.procedures().stream().map(DemoProcedure::name).collect(Collectors.toSet());
    for (String name : List.of("Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử")) {
      assertTrue(names.contains(name), name);
    }
  }

  @Test
  void everyRecordPassesTheNationalFeedReader() {
    List<JsonValue> feed = data.feedRecords();
    assertEquals(data.procedures().size(), feed.size());
    assertEquals(feed.size(), records.size(), "read throws on a rejected record");
    for (int i = 0; i < records.size(); i++) {
      assertEquals(data.procedures().get(i).code(), records.get(i).code());
    }
  }

  @Test
  void everyRecordIsComplete() {
    for (int i = 0; i < records.size(); i++) {
      ProcedureRecord r = records.get(i);
      DemoProcedure p = data.procedures().get(i);
      ProcedureDetails d = r.details();
      String c = r.code();
      assertAll(
          c,
          () -> assertEquals(p.name(), r.name()),
          () -> assertEquals(p.field().name(), r.fieldName()),
          () -> assertEquals(p.level(), r.nationalLevel().number()),
          () -> assertEquals(p.tiers(), r.tiers()),
          () -> assertFalse(r.tiers().contains(Tier.OTHER)),
          () -> assertNotNull(r.procedureType()),
          () -> assertTrue(r.decisionNo().matches("\\d+/QĐ-[A-ZĐ]+"), r.decisionNo()),
          () -> assertNotNull(r.decisionDate()),
          () -> assertNotNull(r.description()),
          () -> assertNotNull(r.requirements()),
          () -> assertNotNull(r.keywords()),
          () -> assertEquals(4, d.steps().get(0).steps().size()),
          () -> assertFalse(d.subjects().isEmpty()),
          () -> assertEquals(r.tiers().size(), d.implementingAgencies().size()),
          () -> assertEquals(r.tiers().size(), d.competentAgencies().size()),
          () -> assertFalse(d.coordinatingAgencies().isEmpty()),
          () -> assertEquals(p.results(), d.results()),
          () -> assertFalse(d.legalBases().isEmpty()),
          () -> d.legalBases().forEach(l -> assertNotNull(l.number())));
      // channels: in person always, online from level 3, time limits in a known unit, fees
      Set<Channel> channels = EnumSet.noneOf(Channel.class);
      for (ProcedureDetails.ChannelTerms t : d.channels()) {
        channels.add(t.channel());
        assertEquals(1, t.timeLimits().size(), c);
        ProcedureDetails.TimeLimit limit = t.timeLimits().get(0);
        assertEquals(p.timeLimit(), limit.amount().intValueExact(), c);
        assertEquals(p.timeUnit(), limit.unit(), c);
        assertEquals(1, limit.fees().size(), c);
        ProcedureDetails.Fee fee = limit.fees().get(0);
        assertEquals("Đồng", fee.currency());
        long expected = t.channel() == Channel.ONLINE ? p.fee() / 2 : p.fee();
        assertEquals(expected, fee.amount().longValueExact(), c);
      }
      assertTrue(channels.contains(Channel.IN_PERSON), c);
      assertEquals(
          r.nationalLevel().allowsOnlineSubmission(), channels.contains(Channel.ONLINE), c);
      // components: the main form with a portal-relative URL, then papers with counts
      List<ProcedureDetails.Document> docs = d.components().get(0).documents();
      ProcedureDetails.Document form = docs.get(0);
      assertTrue(form.formName().startsWith("Mẫu số 01"), c);
      assertEquals("/forms/" + c + "/1", form.formUrl());
      assertEquals(1, form.originals());
      assertTrue(docs.size() >= 2, c);
      docs.forEach(doc -> assertTrue(doc.originals() + doc.copies() >= 1, c + " " + doc.name()));
      // the details survive the JSON column
      assertEquals(d, ProcedureDetailsConverter.fromJson(ProcedureDetailsConverter.toJson(d)));
    }
  }

  @Test
  void theCatalogueMixesFeesTimeUnitsAndChannels() {
    List<DemoProcedure> ps = data.procedures();
    long free = ps.stream().filter(p -> p.fee() == 0).count();
    assertTrue(free > 0 && free < ps.size(), "some free, some paid");
    Set<ProcedureDetails.TimeUnit> units =
        ps.stream().map(DemoProcedure::timeUnit).collect(Collectors.toSet());
    assertTrue(units.contains(ProcedureDetails.TimeUnit.WORKING_DAYS));
    assertTrue(units.contains(ProcedureDetails.TimeUnit.WORKING_HOURS));
    assertTrue(units.contains(ProcedureDetails.TimeUnit.DAYS));
    assertTrue(units.contains(ProcedureDetails.TimeUnit.MONTHS));
    assertTrue(
        records.stream()
            .anyMatch(
                r -> r.details().channels().stream().anyMatch(t -> t.channel() == Channel.POSTAL)));
    for (Tier tier : List.of(Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE)) {
      assertTrue(ps.stream().filter(p -> p.tiers().contains(tier)).count() >= 30, tier.name());
    }
    assertTrue(ps.stream().anyMatch(p -> p.tiers().size() > 1), "some at two tiers");
  }

  @Test
  void namesAreVietnameseWithDiacritics() {
    Pattern vietnamese =
        Pattern.compile(
            ".*[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ" + "ùúủũụưừứửữựỳýỷỹỵĐ].*",
            Pattern.CASE_INSENSITIVE);
    data.procedures().forEach(p -> assertTrue(vietnamese.matcher(p.name()).matches(), p.name()));
    data.agencies().forEach(a -> assertTrue(vietnamese.matcher(a.name()).matches(), a.name()));
    records.forEach(
        r -> assertTrue(vietnamese.matcher(r.details().steps().get(0).steps().get(0)).matches()));
  }

  // ---------------------------------------------------------------- offerings

  @Test
  void offeringsAreUniqueAndReferToDemoProceduresAndAgencies() {
    assertUnique(data.offerings(), o -> o.procedureCode() + " " + o.agencyCode(), "offering");
    Set<String> procedures =
        data.procedures().stream().map(DemoProcedure::code).collect(Collectors.toSet());
    Set<String> agencies =
        data.agencies().stream().map(DemoAgency::code).collect(Collectors.toSet());
    for (DemoOffering o : data.offerings()) {
      assertTrue(procedures.contains(o.procedureCode()), o.toString());
      assertTrue(agencies.contains(o.agencyCode()), o.toString());
      assertTrue(OnlineLevel.of(o.level()).isPresent(), o.toString());
    }
    assertTrue(data.offerings().size() > 10_000, "offerings: " + data.offerings().size());
  }

  @Test
  void clearlyMoreLevelThreeThanLevelFourAndSomeLevelTwo() {
    Map<Integer, Integer> byLevel = data.offeringsByLevel();
    System.out.printf(
        "demo: %d agencies, %d procedures, %d offerings by level %s%n",
        data.agencies().size(), data.procedures().size(), data.offerings().size(), byLevel);
    assertTrue(byLevel.get(3) > 2 * byLevel.get(4), byLevel.toString());
    assertTrue(byLevel.get(4) > 0 && byLevel.get(2) > 0, byLevel.toString());
    // per procedure as well: what a province's catalogue shows
    Map<Integer, Long> procedures =
        data.procedures().stream()
            .collect(Collectors.groupingBy(DemoProcedure::level, Collectors.counting()));
    assertTrue(procedures.get(3) > procedures.get(4), procedures.toString());
  }

  @Test
  void levelsVaryBetweenAgenciesButNeverPutALevelTwoProcedureOnline() {
    Map<String, DemoProcedure> byCode =
        data.procedures().stream()
            .collect(Collectors.toMap(DemoProcedure::code, Function.identity()));
    Map<String, Set<Integer>> levels = new HashMap<>();
    for (DemoOffering o : data.offerings()) {
      DemoProcedure p = byCode.get(o.procedureCode());
      if (p.level() == 2) {
        assertEquals(2, o.level(), o.toString());
      }
      levels.computeIfAbsent(o.procedureCode(), k -> new HashSet<>()).add(o.level());
    }
    assertTrue(
        levels.values().stream().anyMatch(s -> s.size() > 1),
        "the same procedure at different levels in different agencies");
  }

  @Test
  void offeringsFollowTheTiersOfEachProvince() {
    Map<String, DemoProcedure> procedures =
        data.procedures().stream()
            .collect(Collectors.toMap(DemoProcedure::code, Function.identity()));
    for (DemoProvince province : data.provinces()) {
      Map<String, DemoAgency> agencies =
          province.agencies().stream()
              .collect(Collectors.toMap(DemoAgency::code, Function.identity()));
      Map<String, Set<String>> offeredBy = new HashMap<>();
      for (DemoOffering o : data.offerings()) {
        DemoAgency agency = agencies.get(o.agencyCode());
        if (agency == null) {
          continue;
        }
        DemoProcedure p = procedures.get(o.procedureCode());
        offeredBy.computeIfAbsent(p.code(), k -> new HashSet<>()).add(agency.code());
        switch (agency.tier()) {
          case PROVINCE ->
              assertEquals(
                  province.departmentFor(p.field().departmentKey()), agency.code(), o.toString());
          case DISTRICT -> assertTrue(p.tiers().contains(Tier.DISTRICT), o.toString());
          case COMMUNE ->
              assertTrue(
                  p.tiers().contains(Tier.COMMUNE)
                      || (!province.hasDistrictTier() && p.tiers().contains(Tier.DISTRICT)),
                  o.toString());
          default -> throw new AssertionError(o.toString());
        }
      }
      int communes = province.ofTier(Tier.COMMUNE).size();
      for (DemoProcedure p : data.procedures()) {
        Set<String> by = offeredBy.get(p.code());
        assertNotNull(by, p.code() + " offered in " + province.name());
        if (p.tiers().contains(Tier.COMMUNE)) {
          assertTrue(by.size() >= communes, p.code() + " in every commune");
        }
      }
    }
  }

  @Test
  void everyDepartmentKeyHasADepartmentInBothProvinces() {
    Set<String> keys =
        data.procedures().stream().map(p -> p.field().departmentKey()).collect(Collectors.toSet());
    for (DemoProvince province : data.provinces()) {
      for (String key : keys) {
        String code = province.departmentFor(key);
        assertTrue(province.departments().stream().anyMatch(d -> d.code().equals(code)), key);
      }
    }
    // in the three-tier province every department offers something
    Set<String> offering =
        data.offerings().stream().map(DemoOffering::agencyCode).collect(Collectors.toSet());
    data.provinces()
        .get(0)
        .departments()
        .forEach(d -> assertTrue(offering.contains(d.code()), d.name()));
  }

  // ---------------------------------------------------------------- accounts, determinism

  @Test
  void oneAccountPerRoleAtExistingAgencies() {
    Set<String> agencies =
        data.agencies().stream().map(DemoAgency::code).collect(Collectors.toSet());
    assertUnique(data.accounts(), DemoAccount::username, "username");
    Map<Role, Long> roles =
        data.accounts().stream()
            .collect(Collectors.groupingBy(DemoAccount::role, Collectors.counting()));
    assertEquals(2L, roles.get(Role.APPLICANT));
    assertTrue(roles.get(Role.OFFICER) >= 2);
    assertEquals(1L, roles.get(Role.AGENCY_ADMIN));
    assertFalse(roles.containsKey(Role.ADMIN), "admin is created by the start-up");
    for (DemoAccount a : data.accounts()) {
      assertEquals(a.role().needsAgency(), a.agencyCode() != null, a.username());
      if (a.agencyCode() != null) {
        assertTrue(agencies.contains(a.agencyCode()), a.username());
      }
      assertEquals(DemoAccounts.PASSWORD, a.password());
    }
    DemoAccount officer =
        data.accounts().stream()
            .filter(a -> a.username().equals("canbo.tuphap"))
            .findFirst()
            .orElseThrow();
    assertEquals(data.provinces().get(0).departmentFor("JUSTICE"), officer.agencyCode());
  }

  @Test
  void theSameDataOnEveryBuild() {
    DemoData again = DemoData.build();
    assertEquals(data.agencies(), again.agencies());
    assertEquals(data.offerings(), again.offerings());
    assertEquals(data.accounts(), again.accounts());
    assertEquals(data.feedRecords(), again.feedRecords());
  }

  @Test
  void aRootHeldByAnotherNodeIsRecognised() {
    assertTrue(
        DemoDataWriter.isDuplicateKey(
            new java.sql.SQLIntegrityConstraintViolationException("dup", "23000", 1062)));
    assertTrue(DemoDataWriter.isDuplicateKey(new java.sql.SQLException("dup", "23000", 1062)));
    assertFalse(DemoDataWriter.isDuplicateKey(new java.sql.SQLException("gone", "08S01", 0)));
    assertTrue(
        DemoDataWriter.isClaimedElsewhere(
            new java.sql.SQLException("Lock wait timeout exceeded", "HY000", 1205)));
    assertFalse(DemoDataWriter.isClaimedElsewhere(new java.sql.SQLException("gone", "08S01", 0)));
  }

  private static <T> void assertUnique(List<T> items, Function<T, String> key, String what) {
    List<String> duplicates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    items.forEach(
        i -> {
          if (!seen.add(key.apply(i))) {
            duplicates.add(key.apply(i));
          }
        });
    assertTrue(duplicates.isEmpty(), what + " not unique: " + duplicates);
  }
}
