package org.opendvc.portal.infrastructure.demo;

import java.util.List;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.identity.Role;

/**
 * One demo account per role (two applicants), all with the documented password {@value #PASSWORD}.
 * The built-in {@code admin} is not here: the start-up creates it.
 */
final class DemoAccounts {

  static final String PASSWORD = "Demo@2026";

  private DemoAccounts() {}

  static List<DemoAccount> of(List<DemoProvince> provinces) {
    DemoProvince threeTier = provinces.get(0);
    DemoProvince twoTier = provinces.get(1);
    String justice = threeTier.departmentFor("JUSTICE");
    return List.of(
        new DemoAccount("congdan", PASSWORD, Role.APPLICANT, null, "Nguyễn Văn An"),
        new DemoAccount(
            "doanhnghiep", PASSWORD, Role.APPLICANT, null, "Công ty TNHH Thương mại Lam Giang"),
        new DemoAccount("canbo.tuphap", PASSWORD, Role.OFFICER, justice, "Trần Thị Bình"),
        new DemoAccount("quantri.tuphap", PASSWORD, Role.AGENCY_ADMIN, justice, "Lê Văn Cường"),
        new DemoAccount(
            "canbo.xa",
            PASSWORD,
            Role.OFFICER,
            threeTier.ofTier(Tier.COMMUNE).get(0).code(),
            "Phạm Thị Dung"),
        new DemoAccount(
            "canbo.xa2",
            PASSWORD,
            Role.OFFICER,
            twoTier.ofTier(Tier.COMMUNE).get(0).code(),
            "Hoàng Văn Em"));
  }
}
