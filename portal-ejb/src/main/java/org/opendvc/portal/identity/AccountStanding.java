package org.opendvc.portal.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether the account a token was issued to still stands as the token says: enabled, with the same
 * role and agency. Checked on every use of a token, from a cache of at most {@code
 * portal.auth.recheck.seconds} (default 5) per account, so a token outlives a disabled account or a
 * changed role by at most that long on other nodes, and not at all on the node where the change was
 * made (it forgets the account at once).
 */
@ApplicationScoped
public class AccountStanding {

  /** What the database says of an account now. */
  record Standing(boolean enabled, Role role, String agencyCode) {}

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  private Cache<String, Optional<Standing>> cache;

  @PostConstruct
  void init() {
    long seconds =
        ConfigProvider.getConfig(AccountStanding.class.getClassLoader())
            .getOptionalValue("portal.auth.recheck.seconds", Long.class)
            .orElse(5L);
    cache =
        Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(Math.max(0, seconds)))
            .maximumSize(100_000)
            .build();
  }

  /** Whether the token's bearer may still act as the token says. */
  public boolean admits(TokenClaims claims) {
    return cache
        .get(claims.username(), this::load)
        .map(
            s ->
                s.enabled()
                    && s.role() == claims.role()
                    && Objects.equals(s.agencyCode(), claims.agencyCode()))
        .orElse(false);
  }

  /** The account changed on this node: its next token use reads it afresh. */
  public void forget(String username) {
    cache.invalidate(username);
  }

  private Optional<Standing> load(String username) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT a.enabled, a.role, g.code FROM account a"
                    + " LEFT JOIN agency g ON g.id = a.agency_id WHERE a.username = ?")) {
      s.setString(1, username);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        Role role;
        try {
          role = Role.valueOf(r.getString(2));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
        return Optional.of(new Standing(r.getBoolean(1), role, r.getString(3)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the account " + username, e);
    }
  }
}
