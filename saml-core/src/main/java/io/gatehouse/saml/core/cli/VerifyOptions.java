package io.gatehouse.saml.core.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The arguments of {@code saml verify}, parsed strictly: anything unexpected is a usage error. */
record VerifyOptions(Path idpMetadata, String spEntityId, String acsUrl, Instant now, boolean allowIdpInitiated,
        String requestId, boolean allowSha1, Path responseFile) {

    private static final Set<String> VALUED = Set.of("--idp-metadata", "--sp-entity-id", "--acs-url", "--now",
            "--request-id");
    private static final Set<String> FLAGS = Set.of("--allow-idp-initiated", "--allow-sha1");

    /** Thrown for any argument problem; the CLI prints it with the usage and exits 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses everything after "saml verify". Accepts "--name value" and "--name=value". */
    static VerifyOptions parse(String[] args, int from) throws UsageException {
        Map<String, String> values = new HashMap<>();
        String response = null;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (FLAGS.contains(name)) {
                put(values, name, arg.equals(name) ? "true" : null);
            } else if (VALUED.contains(name)) {
                String value = !arg.equals(name) ? arg.substring(name.length() + 1)
                        : i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : null;
                put(values, name, value);
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                throw new UsageException("unknown option " + arg);
            } else if (response != null) {
                throw new UsageException("only one RESPONSE_FILE may be given, got " + response + " and " + arg);
            } else {
                response = arg;
            }
        }
        return build(values, response);
    }

    private static void put(Map<String, String> values, String name, String value) throws UsageException {
        if (value == null || value.isEmpty()) {
            throw new UsageException(FLAGS.contains(name) ? name + " takes no value" : name + " needs a value");
        }
        if (values.put(name, value) != null) {
            throw new UsageException(name + " given twice");
        }
    }

    private static VerifyOptions build(Map<String, String> v, String response) throws UsageException {
        for (String required : new String[] {"--idp-metadata", "--sp-entity-id", "--acs-url"}) {
            if (!v.containsKey(required)) {
                throw new UsageException("missing " + required);
            }
        }
        if (response == null) {
            throw new UsageException("missing RESPONSE_FILE");
        }
        return new VerifyOptions(Path.of(v.get("--idp-metadata")), v.get("--sp-entity-id"), v.get("--acs-url"),
                parseNow(v.get("--now")), v.containsKey("--allow-idp-initiated"), v.get("--request-id"),
                v.containsKey("--allow-sha1"), Path.of(response));
    }

    private static Instant parseNow(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--now must be an ISO-8601 instant such as 2023-11-17T18:39:30Z, got " + value);
        }
    }
}
