package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.IntegrationTest;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LocalLoginIT extends IntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    LocalLogin login;
    @Autowired
    SetupLinks links;

    @Test
    void breakGlassAdministratorSignsInWithTheirLocalPassword() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin admin = w.breakGlassAdmin(AccessWorld.email("Ada"));
        links.redeem(admin.token(), PASSWORD);

        assertThat(login.authenticate(admin.userName().toUpperCase(), PASSWORD))
                .contains(new LocalLogin.LocalPrincipal(w.company, admin.userId()));
        assertThat(login.authenticate(w.company, " " + admin.userName() + " ", PASSWORD))
                .contains(new LocalLogin.LocalPrincipal(w.company, admin.userId()));
    }

    @Test
    void everyFailureLooksTheSame() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin admin = w.breakGlassAdmin(AccessWorld.email("ada"));
        AccessWorld.Admin noPassword = w.breakGlassAdmin(AccessWorld.email("pending"));
        String provisioned = AccessWorld.email("entra");
        w.scim.createUser(provisioned);
        links.redeem(admin.token(), PASSWORD);
        AccessWorld other = AccessWorld.premium(operator(), http());

        assertThat(login.authenticate(admin.userName(), "wrong password!!")).isEmpty();
        assertThat(login.authenticate("nobody@contoso.test", PASSWORD)).isEmpty();
        assertThat(login.authenticate(noPassword.userName(), PASSWORD)).isEmpty();
        assertThat(login.authenticate(provisioned, PASSWORD)).isEmpty();
        assertThat(login.authenticate(other.company, admin.userName(), PASSWORD)).isEmpty();
        assertThat(login.authenticate(null, PASSWORD)).isEmpty();
        assertThat(login.authenticate(admin.userName(), null)).isEmpty();
        assertThat(login.authenticate(admin.userName(), "x".repeat(10_000))).isEmpty();
    }

    @Test
    void anUnknownEmailCostsAsMuchAsAWrongPassword() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin admin = w.breakGlassAdmin(AccessWorld.email("ada"));
        links.redeem(admin.token(), PASSWORD);
        login.authenticate("warm-up@contoso.test", PASSWORD);

        long wrongPassword = fastest(() -> login.authenticate(admin.userName(), "wrong password!!"));
        long unknownEmail = fastest(() -> login.authenticate("nobody@contoso.test", PASSWORD));

        // Both run the slow hash once; without the decoy an unknown email would answer in about a millisecond.
        assertThat(unknownEmail).isGreaterThan(wrongPassword / 3);
    }

    @Test
    void retiredBreakGlassAdministratorCanNoLongerSignIn() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin admin = w.breakGlassAdmin(AccessWorld.email("ada"));
        links.redeem(admin.token(), PASSWORD);
        w.grantUser(w.user("keeper"), CompanyRole.ADMINISTRATOR); // the last one is never retired

        operator().call("DELETE", "/companies/" + w.id + "/admins/" + admin.userId(), null);

        assertThat(login.authenticate(admin.userName(), PASSWORD)).isEmpty();
    }

    private static long fastest(Supplier<Optional<LocalLogin.LocalPrincipal>> attempt) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertThat(attempt.get()).isEmpty();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
