package io.gatehouse.credentials;

import java.util.UUID;

/** A freshly issued token: the only moment the secret exists outside its holder. Do not log. */
public record IssuedToken(UUID id, String token, String displayPrefix) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", prefix=" + displayPrefix + "]";
    }
}
