package io.gatehouse.credentials;

/**
 * What a credential opens; the kind is part of the token's visible prefix. SCIM and OPERATOR tokens live in the
 * {@code credential} table; a product application's client secrets and API keys in
 * {@code product_application_credential} (package application).
 */
public enum TokenKind {
    SCIM("gh_scim_"),
    OPERATOR("gh_op_"),
    CLIENT_SECRET("gh_cs_"),
    APPLICATION_KEY("gh_key_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
