package io.gatehouse.application;

import java.util.Locale;

/**
 * OAuth 2.0 client type (RFC 6749 §2.1), fixed when the application is registered. A confidential client (the
 * product's backend) authenticates with a client secret; a public client (a single-page or native app) has none
 * and relies on PKCE alone.
 */
public enum ClientType {
    CONFIDENTIAL,
    PUBLIC;

    /** The value in JSON and forms: {@code confidential} or {@code public}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ClientType parse(String text) {
        if (text != null) {
            for (ClientType type : values()) {
                if (type.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return type;
                }
            }
        }
        throw new InvalidApplicationException("clientType", "clientType must be \"confidential\" or \"public\"; got "
                + (text == null ? "nothing" : "\"" + text + "\"") + ".");
    }
}
