package org.opendvc.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.ProcedureDetails.Channel;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeUnit;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.testdata.SharedData;

class NationalFeedReaderTest {

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  private static Set<String> problemFields(String record) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> NationalFeedReader.read(json(record)));
    return e.problems().stream().map(FieldProblem::field).collect(Collectors.toSet());
  }

  @Test
  void readsEveryPartOfACompleteRecord() {
    ProcedureRecord r =
        NationalFeedReader.read(
            json(
                """
        {"MATTHC": "1.001193", "TENTTHC": "  Thủ tục đăng ký khai sinh ",
         "LINHVUCTHUCHIEN": [{"TENLINHVUC": "Hộ tịch"}],
         "CAPTHUCHIEN": [{"TENCAP": "Cấp Xã"}, {"TENCAP": "Cấp Huyện"}],
         "CACHTHUCTHUCHIEN": [{"KENH": 2, "THOIGIAN": [{"THOIGIANGIAIQUYET": 1.0,
            "DONVITINH": "Ngày làm việc", "MOTA": "ngay trong ngày",
            "PHILEPHI": [{"SOTIEN": 8000, "DONVI": "VNĐ", "MOTA": "Lệ phí"}]}]},
            {"KENH": 9, "THOIGIAN": []}],
         "TRINHTUTHUCHIEN": [{"TRUONGHOP": "", "TRINHTU": [{"TENTRINHTU": "Bước 1"}, {"TENTRINHTU": "Bước 2"}]}],
         "THANHPHANHOSO": [{"TRUONGHOP": "", "GIAYTO": [{"TENGIAYTO": "Tờ khai", "TENMAUDON": "TK01",
            "URL": "/forms/tk01.docx", "SOBANCHINH": 1, "SOBANSAO": 0}]}],
         "DOITUONGTHUCHIEN": [{"TENDOITUONG": "Công dân Việt Nam"}],
         "COQUANTHUCHIEN": [{"TENDONVI": "UBND cấp xã"}],
         "KETQUATHUCHIEN": [{"TENKETQUA": "Giấy khai sinh"}],
         "CANCUPHAPLY": [{"SOVANBAN": "60/2014/QH13", "TENVANBAN": "Luật Hộ tịch"}],
         "YEUCAU": "Không", "TUKHOA": ["khai sinh", "trẻ em"], "SOQUYETDINH": "1/QĐ-BTP",
         "NGAYQUYETDINH": "2024-01-15", "MUCDO": 4}
        """));
    assertEquals("1.001193", r.code());
    assertEquals("Thủ tục đăng ký khai sinh", r.name());
    assertEquals("Hộ tịch", r.fieldName());
    assertEquals(OnlineLevel.LEVEL_4, r.nationalLevel());
    assertEquals(Set.of(Tier.COMMUNE, Tier.DISTRICT), r.tiers());
    assertEquals("khai sinh, trẻ em", r.keywords());
    assertEquals("2024-01-15", r.decisionDate().toString());
    ProcedureDetails d = r.details();
    assertEquals(1, d.channels().size(), "an unknown channel code is left out");
    assertEquals(Channel.ONLINE, d.channels().get(0).channel());
    assertEquals(TimeUnit.WORKING_DAYS, d.channels().get(0).timeLimits().get(0).unit());
    assertEquals(
        new BigDecimal("8000"), d.channels().get(0).timeLimits().get(0).fees().get(0).amount());
    assertEquals(List.of("Bước 1", "Bước 2"), d.steps().get(0).steps());
    assertEquals("TK01", d.components().get(0).documents().get(0).formName());
    assertEquals(1, d.components().get(0).documents().get(0).originals());
    assertEquals("Luật Hộ tịch", d.legalBases().get(0).title());
    assertEquals(List.of("Giấy khai sinh"), d.results());
  }

  @Test
  void levelDefaultsToTwoAndUnitsWithoutNameAreUnspecified() {
    ProcedureRecord r =
        NationalFeedReader.read(
            json(
                """
        {"MATTHC": "2.002621.H56", "TENTTHC": "Cấp phép",
         "CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [{"THOIGIANGIAIQUYET": "15", "MOTA": "15"}]}]}
        """));
    assertEquals(OnlineLevel.LEVEL_2, r.nationalLevel());
    assertEquals(TimeUnit.UNSPECIFIED, r.details().channels().get(0).timeLimits().get(0).unit());
    assertEquals(new BigDecimal("15"), r.details().channels().get(0).timeLimits().get(0).amount());
  }

  @Test
  void refusesRecordsThatCannotBeStoredAndNamesEveryProblem() {
    assertEquals(Set.of("MATTHC", "TENTTHC"), problemFields("{\"MUCDO\": 3}"));
    assertEquals(
        Set.of("MUCDO"), problemFields("{\"MATTHC\":\"1.1\",\"TENTTHC\":\"A\",\"MUCDO\":5}"));
    assertEquals(
        Set.of("MUCDO"), problemFields("{\"MATTHC\":\"1.1\",\"TENTTHC\":\"A\",\"MUCDO\":\"ba\"}"));
    assertEquals(
        Set.of("MUCDO"), problemFields("{\"MATTHC\":\"1.1\",\"TENTTHC\":\"A\",\"MUCDO\":3.5}"));
    assertEquals(Set.of("MATTHC"), problemFields("{\"MATTHC\":\"1.1 OR 1=1\",\"TENTTHC\":\"A\"}"));
    assertEquals(
        Set.of("MATTHC"),
        problemFields("{\"MATTHC\":\"" + "9".repeat(41) + "\",\"TENTTHC\":\"A\"}"));
    assertEquals(Set.of("TENTTHC"), problemFields("{\"MATTHC\":\"1.1\",\"TENTTHC\":\"   \"}"));
    assertEquals(
        Set.of("LINHVUCTHUCHIEN"),
        problemFields("{\"MATTHC\":\"1.1\",\"TENTTHC\":\"A\",\"LINHVUCTHUCHIEN\":\"Hộ tịch\"}"));
    assertEquals(Set.of("record"), problemFields("[1, 2]"));
    assertEquals(Set.of("record"), problemFields("\"text\""));
  }

  @Test
  void acceptsTheWholeRealCatalogue() throws Exception {
    List<JsonValue> records = SharedData.jsonLines("procedures_national_feed.jsonl");
    List<String> rejected = new ArrayList<>();
    int withSteps = 0;
    for (JsonValue v : records) {
      try {
        ProcedureRecord r = NationalFeedReader.read(v);
        assertFalse(r.name().isBlank());
        if (!r.details().steps().isEmpty()) {
          withSteps++;
        }
      } catch (InvalidInputException e) {
        rejected.add(v.asJsonObject().getString("MATTHC", "?") + ": " + e.problems());
      }
    }
    assertEquals(2642, records.size());
    assertTrue(rejected.isEmpty(), "rejected: " + rejected);
    assertTrue(withSteps > 2000, "steps read for " + withSteps + " procedures");
  }
}
