package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PATCH semantics of connection options: absent keeps, null resets, bad values are all reported at once. */
class OptionsChangeTest {

    private static final ConnectionOptions DEFAULTS = ConnectionOptions.defaults();

    @Test
    void absentFieldsStayAsTheyAre() {
        ConnectionOptions changed = OptionsChange.apply(DEFAULTS,
                new OptionsPatch(null, false, false, null, null, null, null, null));

        assertThat(changed).isEqualTo(new ConnectionOptions(null, false, false, false, LinkBy.USER_NAME, false,
                ClaimMapping.entraDefaults()));
    }

    @Test
    void nullClaimGoesBackToItsDefaultAndNullEntityIdToTheDefaultUrl() {
        Map<String, String> claims = new HashMap<>();
        claims.put("email", "mail");
        ConnectionOptions custom = OptionsChange.apply(DEFAULTS,
                new OptionsPatch("urn:acme", false, null, null, null, "EXTERNAL_ID", true, claims));
        claims.put("email", null);

        ConnectionOptions reset = OptionsChange.apply(custom,
                new OptionsPatch(null, true, null, null, null, null, null, claims));

        assertThat(custom.claims().email()).isEqualTo("mail");
        assertThat(custom.spEntityIdOverride()).isEqualTo("urn:acme");
        assertThat(reset.claims()).isEqualTo(ClaimMapping.entraDefaults());
        assertThat(reset.spEntityIdOverride()).isNull();
        assertThat(reset.linkBy()).isEqualTo(LinkBy.EXTERNAL_ID);
    }

    @Test
    void reportsEveryBadFieldTogether() {
        assertThatThrownBy(() -> OptionsChange.apply(DEFAULTS, new OptionsPatch("relative/path", false, null, null,
                null, "EMAIL", null, Map.of("department", "x"))))
                .isInstanceOfSatisfying(InvalidConnectionException.class, e -> assertThat(
                        e.errors().stream().map(InvalidConnectionException.FieldError::field).toList())
                        .containsExactlyInAnyOrder("spEntityId", "linkBy", "claimMapping.department"));
    }

    @Test
    void emailDomainsAreNormalisedAndValidated() {
        assertThat(EmailDomains.normalize(List.of(" @Contoso.COM ", "contoso.com.", "xn--bcher-kva.example")))
                .containsExactly("contoso.com", "xn--bcher-kva.example");
        assertThatThrownBy(() -> EmailDomains.normalize(List.of("localhost"))).hasMessageContaining("localhost");
        assertThatThrownBy(() -> EmailDomains.normalize(List.of("a..b.com"))).isInstanceOf(IllegalArgumentException.class);
    }
}
