package io.gatehouse.application;

/** What revoking a client secret or API key found: it was active and is now revoked, was revoked already, or is unknown. */
public enum Revocation { REVOKED, ALREADY_REVOKED, NOT_FOUND }
