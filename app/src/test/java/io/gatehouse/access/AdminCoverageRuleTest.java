package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminCoverageRuleTest {

    @ParameterizedTest(name = "local={0} provisioned={1} managedByIdP={2} -> {3}")
    @CsvSource({
            "0, 0, false, NO_ADMIN",
            "0, 0, true,  NO_ADMIN",
            "1, 0, false, NONE",
            "1, 0, true,  NO_PROVISIONED_ADMIN",
            "0, 1, true,  NONE",
            "2, 3, true,  NONE",
            "0, 2, false, NONE"})
    void warnsAboutMissingAdministrators(long local, long provisioned, boolean managed, String expected) {
        String warning = AdminCoverage.warning(local, provisioned, managed);

        switch (expected) {
            case "NO_ADMIN" -> assertThat(warning).isEqualTo(AdminCoverage.NO_ADMIN);
            case "NO_PROVISIONED_ADMIN" -> assertThat(warning).isEqualTo(AdminCoverage.NO_PROVISIONED_ADMIN);
            default -> assertThat(warning).isNull();
        }
    }
}
