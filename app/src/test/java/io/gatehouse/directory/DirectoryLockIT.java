package io.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.tenancy.CompanyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DirectoryLockIT extends IntegrationTest {

    @Autowired
    DirectoryLock lock;

    @Test
    void directoryIsLocallyManagedUntilASCimTokenIsIssued() {
        String id = operator().createCompany("Local", "premium");
        CompanyId company = CompanyId.parse(id).orElseThrow();

        assertThat(lock.managedByIdentityProvider(company)).isFalse();
        lock.requireLocallyManaged(company);

        operator().issueScimToken(id);

        assertThat(lock.managedByIdentityProvider(company)).isTrue();
        assertThatThrownBy(() -> lock.requireLocallyManaged(company))
                .isInstanceOf(DirectoryLock.DirectoryManagedException.class)
                .hasMessageContaining("managed in Microsoft Entra ID");
    }

    @Test
    void operatorSwitchingProvisioningOffUnlocksLocalManagement() {
        String id = operator().createCompany("Switch", "premium");
        operator().issueScimToken(id);

        Http.Response r = operator().call("PATCH", "/companies/" + id, "{\"provisioningEnabled\":false}");

        assertThat(r.json().path("directoryManagedByIdentityProvider").asBoolean()).isFalse();
        assertThat(lock.managedByIdentityProvider(CompanyId.parse(id).orElseThrow())).isFalse();
    }

    @Test
    void revokingTheLastTokenUnlocksLocalManagement() {
        String id = operator().createCompany("Revoked", "premium");
        Http.Response issued = operator().call("POST", "/companies/" + id + "/scim-tokens", null);

        operator().call("DELETE", "/companies/" + id + "/scim-tokens/" + issued.json().path("id").asString(), null);

        assertThat(lock.managedByIdentityProvider(CompanyId.parse(id).orElseThrow())).isFalse();
    }
}
