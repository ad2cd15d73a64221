package org.opendvc.portal.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the province's identity is derived from its committee and where its emblem comes from. */
class ProvinceIdentityTest {

  @Test
  void theProvinceIsNamedAfterItsCommittee() {
    assertEquals("tỉnh Sông Lam", ProvinceIdentity.placeName("UBND tỉnh Sông Lam"));
    assertEquals(
        "thành phố Hà Nội", ProvinceIdentity.placeName("Ủy ban nhân dân thành phố Hà Nội"));
    assertEquals("Sở Tư pháp", ProvinceIdentity.placeName("Sở Tư pháp"));
    assertEquals("Tỉnh Sông Lam", ProvinceIdentity.capitalised("tỉnh Sông Lam"));
    assertEquals("Sông Lam Province", ProvinceIdentity.english("tỉnh Sông Lam"));
    assertEquals("Hà Nội City", ProvinceIdentity.english("thành phố Hà Nội"));
  }

  @Test
  void theEmblemIsAWebAddressAReadableFileOrTheNeutralDefault(@TempDir Path dir) throws Exception {
    assertEquals(ProvinceIdentity.DEFAULT_EMBLEM, ProvinceIdentity.emblem(null));
    assertEquals(
        "https://example.gov.vn/emblem.svg",
        ProvinceIdentity.emblem("https://example.gov.vn/emblem.svg"));
    assertEquals(ProvinceIdentity.DEFAULT_EMBLEM, ProvinceIdentity.emblem("javascript:alert(1)"));
    assertEquals(ProvinceIdentity.DEFAULT_EMBLEM, ProvinceIdentity.emblem("https:///x"));
    assertEquals(
        ProvinceIdentity.DEFAULT_EMBLEM,
        ProvinceIdentity.emblem(dir.resolve("missing.svg").toString()));
    Path file = Files.writeString(dir.resolve("emblem.svg"), "<svg/>");
    assertEquals(ProvinceIdentity.EMBLEM_PATH, ProvinceIdentity.emblem(file.toString()));
  }
}
