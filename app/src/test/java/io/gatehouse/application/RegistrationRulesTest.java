package io.gatehouse.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.tenancy.CompanyId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {

    private static final String A = "https://app.example.com/callback";
    private static final String B = "https://staging.example.com/callback";

    private static ApplicationChanges create(String name, List<String> redirects) {
        return new ApplicationChanges(name, redirects, null, null, null, null, null, null);
    }

    private static ApplicationSettings registered() {
        return RegistrationRules.forNew(create("Product", List.of(A, B)));
    }

    @Test
    void aNewApplicationDefaultsToTheFirstRedirectUriServesNoCompanyAndIsEnabled() {
        ApplicationSettings s = registered();

        assertThat(s.name()).isEqualTo("Product");
        assertThat(s.redirectUris()).containsExactly(A, B);
        assertThat(s.defaultRedirectUri()).isEqualTo(A);
        assertThat(s.postLogoutRedirectUris()).isEmpty();
        assertThat(s.backChannelLogoutUri()).isNull();
        assertThat(s.servesAllCompanies()).isFalse();
        assertThat(s.companyIds()).isEmpty();
        assertThat(s.enabled()).isTrue();
    }

    @Test
    void nameAndAtLeastOneRedirectUriAreRequired() {
        assertField(() -> RegistrationRules.forNew(create(null, List.of(A))), "name");
        assertField(() -> RegistrationRules.forNew(create("  ", List.of(A))), "name");
        assertField(() -> RegistrationRules.forNew(create("x".repeat(201), List.of(A))), "name");
        assertField(() -> RegistrationRules.forNew(create("P", null)), "redirectUris");
        assertField(() -> RegistrationRules.forNew(create("P", List.of())), "redirectUris");
    }

    @Test
    void namesTheRedirectUriAtFault() {
        assertField(() -> RegistrationRules.forNew(create("P", List.of(A, "http://evil.example.com/cb"))),
                "redirectUris[1]");
        List<String> withNull = new ArrayList<>(List.of(A));
        withNull.add(null);
        assertField(() -> RegistrationRules.forNew(create("P", withNull)), "redirectUris[1]");
    }

    @Test
    void dropsRepeatedRedirectUrisAndCapsTheList() {
        assertThat(RegistrationRules.forNew(create("P", List.of(A, " " + A + " ", B))).redirectUris())
                .containsExactly(A, B);
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= RegistrationRules.MAX_URIS; i++) {
            many.add("https://app.example.com/cb" + i);
        }
        assertField(() -> RegistrationRules.forNew(create("P", many)), "redirectUris");
    }

    @Test
    void theDefaultRedirectUriMustBeOneOfThemExactly() {
        ApplicationChanges prefix = new ApplicationChanges("P", List.of(A), A + "/more", null, null, null, null, null);
        ApplicationChanges other = new ApplicationChanges("P", List.of(A), B, null, null, null, null, null);
        ApplicationChanges chosen = new ApplicationChanges("P", List.of(A, B), B, null, null, null, null, null);

        assertField(() -> RegistrationRules.forNew(prefix), "defaultRedirectUri");
        assertField(() -> RegistrationRules.forNew(other), "defaultRedirectUri");
        assertThat(RegistrationRules.forNew(chosen).defaultRedirectUri()).isEqualTo(B);
    }

    @Test
    void theDefaultStaysWhileRegisteredAndFallsBackToTheFirstWhenRemoved() {
        ApplicationSettings withB = RegistrationRules.apply(registered(),
                new ApplicationChanges(null, null, B, null, null, null, null, null));
        String c = "https://c.example.com/cb";

        assertThat(RegistrationRules.apply(withB, new ApplicationChanges(null, List.of(c, B), null, null, null, null,
                null, null)).defaultRedirectUri()).isEqualTo(B);
        assertThat(RegistrationRules.apply(withB, new ApplicationChanges(null, List.of(c, A), null, null, null, null,
                null, null)).defaultRedirectUri()).isEqualTo(c);
    }

    @Test
    void anUpdateChangesOnlyWhatIsGiven() {
        ApplicationSettings before = registered();
        ApplicationSettings after = RegistrationRules.apply(before, ApplicationChanges.none().withEnabled(false));

        assertThat(after).isEqualTo(new ApplicationSettings(before.name(), before.redirectUris(),
                before.defaultRedirectUri(), before.postLogoutRedirectUris(), before.backChannelLogoutUri(),
                before.servesAllCompanies(), before.companyIds(), false));
    }

    @Test
    void postLogoutUrisFollowTheRedirectRulesAndMayBeEmpty() {
        ApplicationSettings s = RegistrationRules.apply(registered(), new ApplicationChanges(null, null, null,
                List.of("https://app.example.com/signed-out"), null, null, null, null));
        assertThat(s.postLogoutRedirectUris()).containsExactly("https://app.example.com/signed-out");
        assertThat(RegistrationRules.apply(s, new ApplicationChanges(null, null, null, List.of(), null, null, null,
                null)).postLogoutRedirectUris()).isEmpty();
        assertField(() -> RegistrationRules.apply(s, new ApplicationChanges(null, null, null,
                List.of("http://app.example.com/out"), null, null, null, null)), "postLogoutRedirectUris[0]");
    }

    @Test
    void theBackChannelLogoutUriIsSetAndRemovedWithTheEmptyString() {
        ApplicationSettings set = RegistrationRules.apply(registered(), new ApplicationChanges(null, null, null, null,
                "https://app.example.com/bc-logout", null, null, null));
        assertThat(set.backChannelLogoutUri()).isEqualTo("https://app.example.com/bc-logout");
        assertThat(RegistrationRules.apply(set, new ApplicationChanges(null, null, null, null, "", null, null, null))
                .backChannelLogoutUri()).isNull();
        assertField(() -> RegistrationRules.apply(set, new ApplicationChanges(null, null, null, null,
                "http://169.254.169.254/", null, null, null)), "backChannelLogoutUri");
    }

    @Test
    void servesEitherAllCompaniesOrTheListedOnes() {
        String one = UUID.randomUUID().toString();
        String two = UUID.randomUUID().toString();
        ApplicationSettings listed = RegistrationRules.apply(registered(), new ApplicationChanges(null, null, null,
                null, null, null, List.of(one, two, one), null));
        assertThat(listed.servesAllCompanies()).isFalse();
        assertThat(listed.companyIds()).extracting(CompanyId::toString).containsExactly(one, two);

        ApplicationSettings all = RegistrationRules.apply(listed, ApplicationChanges.none().withServesAllCompanies(true));
        assertThat(all.servesAllCompanies()).isTrue();
        assertThat(all.companyIds()).isEmpty();

        assertField(() -> RegistrationRules.apply(registered(), new ApplicationChanges(null, null, null, null, null,
                true, List.of(one), null)), "companyIds");
        assertField(() -> RegistrationRules.apply(registered(), new ApplicationChanges(null, null, null, null, null,
                null, List.of(one, "acme"), null)), "companyIds[1]");
        assertField(() -> RegistrationRules.apply(registered(), new ApplicationChanges(null, null, null, null, null,
                null, Collections.nCopies(RegistrationRules.MAX_COMPANIES + 1, one), null)), "companyIds");
    }

    @Test
    void exactMatchRefusesRedirectUrisThatOnlyStartOrEndLikeARegisteredOne() {
        ProductApplication app = new ProductApplication(ApplicationId.random(), "gh_app_x", ClientType.CONFIDENTIAL,
                registered(), java.time.Instant.EPOCH, java.time.Instant.EPOCH);

        assertThat(app.allowsRedirectUri(A)).isTrue();
        assertThat(app.allowsRedirectUri(A + "/evil")).isFalse();
        assertThat(app.allowsRedirectUri(A + "?next=evil")).isFalse();
        assertThat(app.allowsRedirectUri(A + "/")).isFalse();
        assertThat(app.allowsRedirectUri("https://app.example.com/Callback")).isFalse();
        assertThat(app.allowsRedirectUri("https://app.example.com:443/callback")).isFalse();
        assertThat(app.allowsRedirectUri("https://app.example.com/callback".substring(0, 30))).isFalse();
        assertThat(app.allowsRedirectUri(null)).isFalse();
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidApplicationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
