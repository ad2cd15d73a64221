package org.opendvc.portal.web.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.CatalogueService;

/**
 * The province the portal serves, as its header and footer name it: name, emblem, hotline,
 * responsible agency (cơ quan chủ quản), address and e-mail, from the {@code portal.province.*}
 * configuration keys (docs/operations.md).
 *
 * <p>Keys left unset are filled from the province's own committee in the catalogue when {@code
 * portal.province.code} names it (its name, address, phone and e-mail); with the demo data on and
 * no code configured, from the first demo province; otherwise the portal presents itself neutrally
 * as the public-service portal, with no province. Nothing here is markup: the page escapes every
 * value.
 */
@Named("province")
@ApplicationScoped
public class ProvinceIdentity {

  /** The portal's own emblem when none is configured: a neutral drawing, no state emblem. */
  public static final String DEFAULT_EMBLEM = "/static/emblem.svg";

  /** Where a configured emblem file is served. */
  public static final String EMBLEM_PATH = "/province/emblem";

  private static final Duration REFRESH = Duration.ofSeconds(60);

  @Inject private Config config;
  @Inject private CatalogueService catalogue;
  @Inject private LanguageView language;

  private volatile Identity identity;
  private volatile Instant readAt = Instant.EPOCH;

  /** What the pages show; every field may be null but the emblem. */
  record Identity(
      String code,
      String name,
      String nameEn,
      String agency,
      String agencyEn,
      String address,
      String hotline,
      String email,
      String emblem) {}

  private Identity identity() {
    Identity current = identity;
    if (current == null || Instant.now().isAfter(readAt.plus(REFRESH))) {
      current = read();
      identity = current;
      readAt = Instant.now();
    }
    return current;
  }

  private Identity read() {
    Optional<String> code = value("portal.province.code");
    boolean demo = config.getOptionalValue("portal.demo.data", Boolean.class).orElse(false);
    Optional<Agency> root = Optional.empty();
    try {
      if (code.isPresent()) {
        root = catalogue.agency(code.get()).filter(a -> a.parent().isEmpty());
      } else if (demo) {
        root =
            catalogue.agencies(Optional.empty(), Optional.empty()).stream()
                .min(Comparator.comparing(Agency::code));
      }
    } catch (RuntimeException e) {
      // the catalogue not ready yet: configured values only, read again on the next refresh
      root = Optional.empty();
    }
    String rootName = root.map(a -> placeName(a.name())).orElse(null);
    String name =
        value("portal.province.name").orElse(rootName == null ? null : capitalised(rootName));
    String nameEn =
        value("portal.province.name.en")
            .orElse(value("portal.province.name").isPresent() ? name : english(rootName));
    String agency = value("portal.province.agency").orElse(root.map(Agency::name).orElse(null));
    String agencyEn = value("portal.province.agency.en").orElse(agency);
    return new Identity(
        root.map(Agency::code).orElse(code.orElse(null)),
        name,
        nameEn,
        agency,
        agencyEn,
        value("portal.province.address").orElse(root.map(Agency::address).orElse(null)),
        value("portal.province.hotline").orElse(root.map(Agency::phone).orElse(null)),
        value("portal.province.email").orElse(root.map(Agency::email).orElse(null)),
        emblem(value("portal.province.emblem").orElse(null)));
  }

  private Optional<String> value(String key) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }

  /**
   * The emblem's address: an http(s) address as it is, a readable file through {@link
   * #EMBLEM_PATH}, anything else (or nothing) the neutral default.
   */
  static String emblem(String configured) {
    if (configured == null) {
      return DEFAULT_EMBLEM;
    }
    String lower = configured.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      try {
        URI uri = new URI(configured);
        return uri.getHost() != null ? uri.toString() : DEFAULT_EMBLEM;
      } catch (Exception e) {
        return DEFAULT_EMBLEM;
      }
    }
    return emblemFile(configured).isPresent() ? EMBLEM_PATH : DEFAULT_EMBLEM;
  }

  /** The configured emblem file, when it is one that can be read. */
  public Optional<Path> emblemFile() {
    return value("portal.province.emblem").flatMap(ProvinceIdentity::emblemFile);
  }

  private static Optional<Path> emblemFile(String configured) {
    String lower = configured.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return Optional.empty();
    }
    try {
      Path path =
          Path.of(lower.startsWith("file:") ? URI.create(configured).getPath() : configured);
      return Files.isRegularFile(path) && Files.isReadable(path)
          ? Optional.of(path)
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** "UBND tỉnh Sông Lam" → "tỉnh Sông Lam": the place a committee governs. */
  public static String placeName(String agencyName) {
    String name = agencyName == null ? "" : agencyName.strip();
    for (String prefix : new String[] {"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "}) {
      if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return name.substring(prefix.length()).strip();
      }
    }
    return name;
  }

  /** "tỉnh Sông Lam" → "Sông Lam Province", "thành phố Hà Nội" → "Hà Nội City". */
  static String english(String place) {
    if (place == null) {
      return null;
    }
    String lower = place.toLowerCase(new Locale("vi"));
    if (lower.startsWith("tỉnh ")) {
      return place.substring("tỉnh ".length()).strip() + " Province";
    }
    if (lower.startsWith("thành phố ")) {
      return place.substring("thành phố ".length()).strip() + " City";
    }
    return capitalised(place);
  }

  static String capitalised(String s) {
    return s == null || s.isEmpty()
        ? s
        : s.substring(0, 1).toUpperCase(new Locale("vi")) + s.substring(1);
  }

  private boolean english() {
    return language.isEnglish();
  }

  /** The code of the province's committee (the root of its agency tree), or null. */
  public String getProvinceCode() {
    return identity().code();
  }

  /** Whether the portal names a province; if not, it presents itself neutrally. */
  public boolean isKnown() {
    return identity().name() != null;
  }

  /** The province's name in the page's language, or null. */
  public String getName() {
    return english() ? identity().nameEn() : identity().name();
  }

  public String getAgency() {
    return english() ? identity().agencyEn() : identity().agency();
  }

  public String getAddress() {
    return identity().address();
  }

  public String getHotline() {
    return identity().hotline();
  }

  /** The hotline as a {@code tel:} address: digits and a leading + only. */
  public String getHotlineUrl() {
    String h = identity().hotline();
    if (h == null) {
      return null;
    }
    String digits = h.replaceAll("[^0-9+]", "");
    return digits.isEmpty() ? null : "tel:" + digits;
  }

  public String getEmail() {
    return identity().email();
  }

  /** A {@code mailto:} address when the e-mail looks like one, else null (shown as text). */
  public String getEmailUrl() {
    String e = identity().email();
    return e != null && e.matches("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+") ? "mailto:" + e : null;
  }

  /** The emblem's address: absolute (http, https) or under the context path. */
  public String getEmblem() {
    return identity().emblem();
  }

  public boolean isEmblemExternal() {
    return !identity().emblem().startsWith("/");
  }
}
