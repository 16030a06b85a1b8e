package io.gatehouse.credentials;

import io.gatehouse.config.GatehouseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The support team's credential for the operator API. Either configured ({@code GATEHOUSE_OPERATOR_TOKEN};
 * only its hash is kept in memory) or, when unset, generated on the very first start, printed once to the
 * console and stored hashed like every other token.
 */
@Component
public class OperatorCredentials {

    private static final Logger log = LoggerFactory.getLogger(OperatorCredentials.class);

    private final TokenService tokens;
    private final CredentialRepository credentials;
    private final String configuredHash;

    OperatorCredentials(TokenService tokens, CredentialRepository credentials, GatehouseProperties properties) {
        this.tokens = tokens;
        this.credentials = credentials;
        String configured = properties.operatorToken();
        this.configuredHash = configured == null || configured.isBlank() ? null : TokenCodec.sha256(configured);
    }

    public boolean authenticate(String bearer) {
        if (bearer == null) {
            return false;
        }
        if (configuredHash != null) {
            return TokenCodec.sameHash(configuredHash, TokenCodec.sha256(bearer));
        }
        return tokens.authenticateOperator(bearer);
    }

    @EventListener(ApplicationReadyEvent.class)
    void generateOnFirstStart() {
        if (configuredHash != null || credentials.anyOperatorCredential()) {
            return;
        }
        IssuedToken issued = tokens.issue(null, TokenKind.OPERATOR);
        // Deliberately printed to stdout, not the log: shown once to whoever started the service.
        System.out.println("""

                ===================================================================================
                 Gatehouse generated an operator API token (shown once, stored only as a hash):
                   %s
                 Set GATEHOUSE_OPERATOR_TOKEN to use a token of your own instead.
                ===================================================================================
                """.formatted(issued.token()));
        log.info("Generated the operator API token {}", issued.displayPrefix());
    }
}
