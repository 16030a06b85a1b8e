package io.gatehouse.provider;

import io.gatehouse.directory.UserDeactivation;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.saml.SignedInUser;
import io.gatehouse.tenancy.CompanyId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user deactivated or deleted (SCIM {@code active:false} or DELETE, the console) loses the product too: in the
 * deactivating transaction every authorization of the user is deleted (codes, access and refresh tokens: a refresh
 * then fails with invalid_grant, introspection says active=false, userinfo refuses the access token), and after
 * commit each application that registered a back-channel logout URI is sent a logout token per session
 * ({@link BackChannelLogout}). Nothing happens if the deactivation rolls back.
 */
@Component
class ProviderDeactivation implements UserDeactivation.Listener {

    private static final Logger log = LoggerFactory.getLogger(ProviderDeactivation.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final BackChannelLogout backChannel;

    ProviderDeactivation(JdbcClient jdbc, BackChannelLogout backChannel) {
        this.jdbc = jdbc;
        this.backChannel = backChannel;
    }

    /** Only a user who signed in to an application has authorizations. */
    @Override
    public UserDeactivation.Probe probe(CompanyId company, UserRecord before) {
        return UserDeactivation.Probe.when("EXISTS (SELECT 1 FROM oauth2_authorization WHERE principal_name = ?)",
                SignedInUser.principalName(company, before.id()));
    }

    @Override
    public void userDeactivated(CompanyId company, UUID userId) {
        String principal = SignedInUser.principalName(company, userId);
        // application id -> the sids of the user's sessions with it
        Map<String, Set<String>> sessions = new LinkedHashMap<>();
        jdbc.sql("SELECT registered_client_id, oidc_id_token_value FROM oauth2_authorization WHERE principal_name = ?")
                .param(principal)
                .query(rs -> {
                    Set<String> sids = sessions.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>());
                    String sid = sid(rs.getString(2));
                    if (sid != null) {
                        sids.add(sid);
                    }
                });
        if (sessions.isEmpty()) {
            return;
        }
        int removed = jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?").param(principal).update();
        jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE principal_name = ?").param(principal).update();
        log.info("revoked {} product authorization(s) of deactivated user {} of company {}", removed, userId, company);
        backChannel.afterCommit(userId, sessions);
    }

    /** The sid claim of an ID token we issued (read back from our own table, so not verified again). */
    static String sid(String idToken) {
        if (idToken == null) {
            return null;
        }
        String[] parts = idToken.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            JsonNode sid = claims.path("sid");
            return sid.isString() ? sid.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
