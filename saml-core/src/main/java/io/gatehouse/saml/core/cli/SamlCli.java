package io.gatehouse.saml.core.cli;

import io.gatehouse.saml.core.IdpMetadata;
import io.gatehouse.saml.core.IdpMetadataParser;
import io.gatehouse.saml.core.InvalidMetadataException;
import io.gatehouse.saml.core.SamlResponseValidator;
import io.gatehouse.saml.core.SamlValidationConfig;
import io.gatehouse.saml.core.SamlValidationResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code saml verify}: checks a captured SAML Response against an IdP's metadata exactly as the
 * ACS would, for support engineers. Prints one JSON object; exit 0 valid, 1 invalid, 2 usage.
 * The app's main class calls {@link #run} when args[0] is "saml", without starting Spring.
 */
public final class SamlCli {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = "usage: saml verify --idp-metadata FILE --sp-entity-id ID --acs-url URL "
            + "[--now ISO-8601] [--allow-idp-initiated] [--request-id ID] [--allow-sha1] RESPONSE_FILE\n"
            + "  RESPONSE_FILE holds the Response as XML or as the base64 SAMLResponse form value.\n"
            + "  Exit status: 0 valid, 1 invalid, 2 usage error.";

    /**
     * xmlsec logs every failed verification at WARNING through JUL (the System.Logger default),
     * which would interleave with our output; the JSON already says why. Held strongly because JUL
     * forgets the level of a logger nobody references.
     */
    private static final Logger XMLSEC_LOG = Logger.getLogger("org.apache.xml.security");

    private SamlCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @param args the full command line, args[0] being "saml" */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        XMLSEC_LOG.setLevel(Level.SEVERE);
        if (args.length == 2 && "saml".equals(args[0]) && isHelp(args[1])
                || args.length == 3 && "saml".equals(args[0]) && "verify".equals(args[1]) && isHelp(args[2])) {
            out.println(USAGE_TEXT);
            return VALID;
        }
        try {
            if (args.length < 2 || !"saml".equals(args[0]) || !"verify".equals(args[1])) {
                throw new VerifyOptions.UsageException("expected: saml verify ...");
            }
            return verify(VerifyOptions.parse(args, 2), out, err);
        } catch (VerifyOptions.UsageException e) {
            err.println("saml: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
    }

    private static int verify(VerifyOptions o, PrintStream out, PrintStream err) throws VerifyOptions.UsageException {
        Clock clock = o.now() == null ? Clock.systemUTC() : Clock.fixed(o.now(), ZoneOffset.UTC);
        IdpMetadata metadata = metadata(o, clock);
        metadata.warnings().forEach(w -> err.println("warning: " + w.code() + ": " + w.detail()));
        SamlValidationConfig config;
        try {
            config = SamlValidationConfig.builder().idpEntityId(metadata.entityId())
                    .trustedCertificates(metadata.certificates()).spEntityId(o.spEntityId()).acsUrl(o.acsUrl())
                    .expectedRequestId(o.requestId()).allowIdpInitiated(o.allowIdpInitiated())
                    .allowSha1(o.allowSha1()).build();
        } catch (IllegalArgumentException e) {
            throw new VerifyOptions.UsageException(e.getMessage());
        }
        SamlValidationResult result = new SamlResponseValidator(config, clock).validate(read(o.responseFile()));
        out.println(toJson(result));
        return result.valid() ? VALID : INVALID;
    }

    private static IdpMetadata metadata(VerifyOptions o, Clock clock) throws VerifyOptions.UsageException {
        try {
            return new IdpMetadataParser(clock).parse(read(o.idpMetadata()));
        } catch (InvalidMetadataException e) {
            throw new VerifyOptions.UsageException("--idp-metadata " + o.idpMetadata() + ": " + e.getMessage());
        }
    }

    private static byte[] read(Path file) throws VerifyOptions.UsageException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new VerifyOptions.UsageException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String toJson(SamlValidationResult result) {
        if (result instanceof SamlValidationResult.Success ok) {
            return new Json().field("valid", true).field("code", "OK")
                    .field("detail", "signature verified; assertion " + ok.assertionId() + " accepted until "
                            + ok.assertionExpiresAt() + (ok.inResponseTo() == null ? " (IdP-initiated)"
                            : " in response to " + ok.inResponseTo()))
                    .field("issuer", ok.issuer()).field("nameId", ok.nameId()).field("attributes", ok.attributes())
                    .close();
        }
        SamlValidationResult.Failure f = (SamlValidationResult.Failure) result;
        StringBuilder detail = new StringBuilder(f.detail() == null ? f.code().name() : f.detail());
        if (f.expected() != null || f.actual() != null) {
            detail.append(" (expected: ").append(f.expected()).append("; actual: ").append(f.actual()).append(')');
        }
        return new Json().field("valid", false).field("code", f.code().name()).field("detail", detail.toString())
                .field("issuer", null).field("nameId", null).field("attributes", Map.of()).close();
    }

    private static boolean isHelp(String arg) {
        return "--help".equals(arg) || "-h".equals(arg);
    }
}
