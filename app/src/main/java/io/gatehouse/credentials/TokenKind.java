package io.gatehouse.credentials;

/** What a credential opens; the kind is part of the token's visible prefix. */
public enum TokenKind {
    SCIM("gh_scim_"),
    OPERATOR("gh_op_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
