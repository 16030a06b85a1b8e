package io.gatehouse.console;

import io.gatehouse.directory.UserRecord;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import java.util.UUID;

/** The signed-in person of a console request, read fresh from the database. */
record ConsoleUser(Company company, UserRecord user) {

    CompanyId companyId() {
        return company.id();
    }

    UUID userId() {
        return user.id();
    }
}
