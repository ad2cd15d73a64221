package org.opendvc.portal.infrastructure.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.shared.TextFolding;

/**
 * The two invented demo provinces. Agency codes follow the national unit identifier ({@code <level
 * 4>.<level 3>.<level 2>.<province>}, e.g. {@code 000.00.12.H56}) with province codes H91 and H92,
 * which no real province uses: the People's Committee is {@code 000.00.00.Hxx}, its direct units
 * {@code 000.00.NN.Hxx} (departments from 01, districts from 31; in the two-tier province communes
 * from 31) and a district's communes {@code 000.MM.NN.Hxx}.
 */
final class DemoProvinces {

  /** Communes per district of Sông Lam: 138 in all, as in the seed province. */
  static final int[] COMMUNES_PER_DISTRICT = {24, 21, 20, 19, 19, 18, 17};

  /** Wards (phường) among the communes of Sông Lam's city and of Trường Sơn. */
  static final int CITY_WARDS = 16;

  static final int TWO_TIER_COMMUNES = 40;
  static final int TWO_TIER_WARDS = 12;

  private static final String[][] SONG_LAM_DEPARTMENTS = {
    {"OFFICE", "Văn phòng Ủy ban nhân dân tỉnh"},
    {"HOME", "Sở Nội vụ"},
    {"JUSTICE", "Sở Tư pháp"},
    {"PLANNING", "Sở Kế hoạch và Đầu tư"},
    {"FINANCE", "Sở Tài chính"},
    {"INDUSTRY", "Sở Công Thương"},
    {"AGRICULTURE", "Sở Nông nghiệp và Phát triển nông thôn"},
    {"TRANSPORT", "Sở Giao thông vận tải"},
    {"CONSTRUCTION", "Sở Xây dựng"},
    {"ENV", "Sở Tài nguyên và Môi trường"},
    {"ICT", "Sở Thông tin và Truyền thông"},
    {"LABOUR", "Sở Lao động - Thương binh và Xã hội"},
    {"CULTURE", "Sở Văn hóa, Thể thao và Du lịch"},
    {"SCIENCE", "Sở Khoa học và Công nghệ"},
    {"EDUCATION", "Sở Giáo dục và Đào tạo"},
    {"HEALTH", "Sở Y tế"},
    {"INSPECT", "Thanh tra tỉnh"},
    {"FOREIGN", "Sở Ngoại vụ"},
    {"ETHNIC", "Ban Dân tộc"},
    {"IZ", "Ban Quản lý các khu công nghiệp"},
  };

  /** After the 2025 mergers: fewer departments, several keys each. */
  private static final String[][] TRUONG_SON_DEPARTMENTS = {
    {"OFFICE,FOREIGN", "Văn phòng Ủy ban nhân dân tỉnh"},
    {"HOME,LABOUR,ETHNIC", "Sở Nội vụ"},
    {"JUSTICE", "Sở Tư pháp"},
    {"FINANCE,PLANNING,IZ", "Sở Tài chính"},
    {"INDUSTRY", "Sở Công Thương"},
    {"AGRICULTURE,ENV", "Sở Nông nghiệp và Môi trường"},
    {"CONSTRUCTION,TRANSPORT", "Sở Xây dựng"},
    {"SCIENCE,ICT", "Sở Khoa học và Công nghệ"},
    {"CULTURE", "Sở Văn hóa, Thể thao và Du lịch"},
    {"EDUCATION", "Sở Giáo dục và Đào tạo"},
    {"HEALTH", "Sở Y tế"},
    {"INSPECT", "Thanh tra tỉnh"},
  };

  /** The city first, then the rural districts; a district's town (thị trấn) bears its name. */
  private static final String[] SONG_LAM_DISTRICTS = {
    "thành phố Lam Giang",
    "huyện Hưng Phú",
    "huyện An Lạc",
    "huyện Phúc Thịnh",
    "huyện Minh Khê",
    "huyện Vĩnh Hòa",
    "huyện Đông Lâm"
  };

  private static final String[] FIRST_SYLLABLES = {
    "An", "Bình", "Cẩm", "Đại", "Đồng", "Gia", "Hà", "Hòa", "Hồng", "Hương", "Kim", "Liên", "Long",
    "Mỹ", "Nam", "Ngọc", "Nghĩa", "Phú", "Phước", "Quang", "Quảng", "Sơn", "Tân", "Thanh", "Thạch",
    "Thái", "Thượng", "Trung", "Vĩnh", "Xuân"
  };

  private static final String[] SECOND_SYLLABLES = {
    "Lộc", "Phong", "Thành", "Lợi", "Đức", "Tiến", "Hải", "Bình", "Hưng", "Thịnh", "Thuận", "Trạch",
    "Mỹ", "Sơn", "Hòa", "Lâm", "Khánh", "Yên", "Phúc", "Long", "Hiệp", "Tường", "Vinh"
  };

  private DemoProvinces() {}

  static List<DemoProvince> all() {
    PlaceNames names = new PlaceNames();
    return List.of(songLam(names), truongSon(names));
  }

  /** Province A, three tiers (before July 2025): 20 departments, 7 districts, 138 communes. */
  private static DemoProvince songLam(PlaceNames names) {
    String province = "tỉnh Sông Lam";
    Contacts contacts = new Contacts("songlam.example", "0200");
    List<DemoAgency> agencies = new ArrayList<>();
    DemoAgency root =
        contacts.agency(
            "000.00.00.H91",
            "UBND " + province,
            Tier.PROVINCE,
            null,
            "Số 1 đường Trần Hưng Đạo, thành phố Lam Giang, " + province);
    agencies.add(root);
    Map<String, String> byKey =
        departments(
            SONG_LAM_DEPARTMENTS, "H91", province, "thành phố Lam Giang", root, contacts, agencies);
    for (int d = 0; d < SONG_LAM_DISTRICTS.length; d++) {
      String districtName = SONG_LAM_DISTRICTS[d];
      int districtNumber = 31 + d;
      DemoAgency district =
          contacts.agency(
              String.format("000.00.%02d.H91", districtNumber),
              "UBND " + districtName,
              Tier.DISTRICT,
              root.code(),
              "Trung tâm hành chính " + districtName + ", " + province);
      agencies.add(district);
      boolean city = districtName.startsWith("thành phố");
      for (int c = 0; c < COMMUNES_PER_DISTRICT[d]; c++) {
        String kind;
        String place;
        if (city) {
          kind = c < CITY_WARDS ? "phường" : "xã";
          place = names.next();
        } else if (c == 0) {
          kind = "thị trấn";
          place = districtName.substring(districtName.indexOf(' ') + 1);
        } else {
          kind = "xã";
          place = names.next();
        }
        agencies.add(
            contacts.agency(
                String.format("000.%02d.%02d.H91", c + 1, districtNumber),
                "UBND " + kind + " " + place,
                Tier.COMMUNE,
                district.code(),
                "Trụ sở UBND " + kind + " " + place + ", " + districtName + ", " + province));
      }
    }
    return new DemoProvince("Sông Lam", agencies, byKey);
  }

  /** Province B, two tiers (from July 2025): 12 departments and 40 communes under the root. */
  private static DemoProvince truongSon(PlaceNames names) {
    String province = "tỉnh Trường Sơn";
    Contacts contacts = new Contacts("truongson.example", "0201");
    List<DemoAgency> agencies = new ArrayList<>();
    List<String> communeNames = new ArrayList<>();
    for (int c = 0; c < TWO_TIER_COMMUNES; c++) {
      communeNames.add((c < TWO_TIER_WARDS ? "phường " : "xã ") + names.next());
    }
    String seat = communeNames.get(0);
    DemoAgency root =
        contacts.agency(
            "000.00.00.H92",
            "UBND " + province,
            Tier.PROVINCE,
            null,
            "Số 2 đường Lê Lợi, " + seat + ", " + province);
    agencies.add(root);
    Map<String, String> byKey =
        departments(TRUONG_SON_DEPARTMENTS, "H92", province, seat, root, contacts, agencies);
    for (int c = 0; c < communeNames.size(); c++) {
      agencies.add(
          contacts.agency(
              String.format("000.00.%02d.H92", 31 + c),
              "UBND " + communeNames.get(c),
              Tier.COMMUNE,
              root.code(),
              "Trụ sở UBND " + communeNames.get(c) + ", " + province));
    }
    return new DemoProvince("Trường Sơn", agencies, byKey);
  }

  private static Map<String, String> departments(
      String[][] table,
      String provinceCode,
      String province,
      String seat,
      DemoAgency root,
      Contacts contacts,
      List<DemoAgency> out) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (int i = 0; i < table.length; i++) {
      String code = String.format("000.00.%02d.%s", i + 1, provinceCode);
      // "Sở Tư pháp tỉnh Sông Lam", "Thanh tra tỉnh Sông Lam": unambiguous across provinces
      String name =
          table[i][1].endsWith(" tỉnh")
              ? table[i][1] + province.substring("tỉnh".length())
              : table[i][1] + " " + province;
      out.add(
          contacts.agency(
              code,
              name,
              Tier.PROVINCE,
              root.code(),
              String.format("Số %d đường Trần Phú, %s, %s", 10 + 2 * i, seat, province)));
      for (String key : table[i][0].split(",")) {
        byKey.put(key, code);
      }
    }
    return byKey;
  }

  /** Two-syllable place names, unique across both provinces, in a fixed order. */
  static final class PlaceNames {
    private final Set<String> used = new HashSet<>();
    private int k;

    PlaceNames() {
      for (String district : SONG_LAM_DISTRICTS) {
        used.add(district.substring(district.indexOf(' ') + 1));
      }
      used.add("Lam Giang");
      used.add("Sông Lam");
      used.add("Trường Sơn");
    }

    String next() {
      while (true) {
        String first = FIRST_SYLLABLES[k % FIRST_SYLLABLES.length];
        String second =
            SECOND_SYLLABLES[(k * 7 + k / FIRST_SYLLABLES.length) % SECOND_SYLLABLES.length];
        k++;
        String name = first + " " + second;
        if (!first.equals(second) && used.add(name)) {
          return name;
        }
      }
    }
  }

  /** Invented contact details: e-mail under a reserved example domain, phone numbers in 0200. */
  private static final class Contacts {
    private final String domain;
    private final String areaCode;
    private int sequence;

    Contacts(String domain, String areaCode) {
      this.domain = domain;
      this.areaCode = areaCode;
    }

    DemoAgency agency(String code, String name, Tier tier, String parentCode, String address) {
      String local =
          TextFolding.slug(
              name.startsWith("UBND ") && parentCode == null
                  ? "ubnd"
                  : name.replaceFirst("^UBND ", "").replaceFirst(" tỉnh .*$", ""));
      String phone =
          String.format("%s %d%03d %03d", areaCode, 3, 800 + sequence / 1000, sequence % 1000);
      sequence++;
      return new DemoAgency(code, name, tier, parentCode, address, phone, local + "@" + domain);
    }
  }
}
