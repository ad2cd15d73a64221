package org.opendvc.portal.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Json.createObjectBuilder()} and its siblings look the
 * provider up on every call, which in an application server costs far more than the work itself;
 * code on hot paths (API answers, imports) uses this instance instead.
 */
public final class JsonProviders {

  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonProviders() {}
}
