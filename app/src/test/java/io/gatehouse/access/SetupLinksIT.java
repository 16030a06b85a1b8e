package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SetupLinksIT extends IntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    SetupLinks links;
    @Autowired
    JdbcClient jdbc;

    @Test
    void redeemingSetsTheLocalPasswordOnce() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin admin = w.breakGlassAdmin(AccessWorld.email("ada"));

        SetupLinks.Redeemed redeemed = links.redeem(admin.token(), PASSWORD);

        assertThat(redeemed).isEqualTo(new SetupLinks.Redeemed(w.company, admin.userId()));
        assertThat(jdbc.sql("SELECT iterations FROM local_credential WHERE user_id = ?").param(admin.userId())
                .query(Integer.class).single()).isGreaterThanOrEqualTo(210_000);
        assertFails(() -> links.redeem(admin.token(), "another long password"), SetupLinkException.Reason.USED);
    }

    @Test
    void checkingALinkShowsTheAccountWithoutUsingIt() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin admin = w.breakGlassAdmin(AccessWorld.email("ada"));

        SetupLinks.LinkInfo info = links.check(admin.token());

        assertThat(info.userName()).isEqualTo(admin.userName());
        assertThat(info.company()).isEqualTo(w.company);
        links.redeem(admin.token(), PASSWORD);
    }

    @Test
    void unknownOrMalformedTokensAreInvalid() {
        assertFails(() -> links.redeem(SetupToken.mint(), PASSWORD), SetupLinkException.Reason.INVALID);
        assertFails(() -> links.redeem("gh_setup_short", PASSWORD), SetupLinkException.Reason.INVALID);
        assertFails(() -> links.redeem(null, PASSWORD), SetupLinkException.Reason.INVALID);
        assertFails(() -> links.check("' OR 1=1 --"), SetupLinkException.Reason.INVALID);
    }

    @Test
    void expiredLinkIsRefused() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin admin = w.breakGlassAdmin(AccessWorld.email("ada"));
        jdbc.sql("UPDATE setup_link SET expires_at = ? WHERE user_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), admin.userId()).update();

        assertFails(() -> links.redeem(admin.token(), PASSWORD), SetupLinkException.Reason.EXPIRED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM local_credential WHERE user_id = ?").param(admin.userId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNewLinkForTheSameAccountReplacesTheOldOne() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        String email = AccessWorld.email("ada");
        AccessWorld.Admin first = w.breakGlassAdmin(email);
        AccessWorld.Admin second = w.breakGlassAdmin(email);

        assertFails(() -> links.redeem(first.token(), PASSWORD), SetupLinkException.Reason.USED);
        assertThat(links.redeem(second.token(), PASSWORD).userId()).isEqualTo(first.userId());
    }

    @Test
    void aRejectedPasswordLeavesTheLinkUsable() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin admin = w.breakGlassAdmin(AccessWorld.email("ada"));

        assertThatThrownBy(() -> links.redeem(admin.token(), "short"))
                .isInstanceOf(PasswordRejectedException.class).hasMessageContaining("at least 12");

        assertThat(links.redeem(admin.token(), PASSWORD).userId()).isEqualTo(admin.userId());
    }

    private static void assertFails(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                    SetupLinkException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SetupLinkException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
