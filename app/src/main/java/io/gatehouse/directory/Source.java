package io.gatehouse.directory;

/** Where a user or group came from: provisioned by an identity provider over SCIM, or made locally. */
public enum Source {
    SCIM,
    LOCAL
}
