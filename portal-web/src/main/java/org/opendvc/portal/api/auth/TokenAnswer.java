package org.opendvc.portal.api.auth;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A bearer token and how many seconds it lasts. */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn"})
public record TokenAnswer(String accessToken, String tokenType, long expiresIn) {

  public static TokenAnswer bearer(String token, long seconds) {
    return new TokenAnswer(token, "Bearer", seconds);
  }
}
