package io.gatehouse.console;

import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.saml.SignedInUser;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyService;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Resolves the session principal "companyId:userId" to an active user of an existing company. A session of a
 * user deactivated or deleted since sign-in is treated as signed out.
 */
@Component
class CurrentUser {

    /** The session no longer belongs to an active user. */
    static class SignedOutException extends RuntimeException {
        SignedOutException() {
            super("signed out");
        }
    }

    private final UserRepository users;
    private final CompanyService companies;

    CurrentUser(UserRepository users, CompanyService companies) {
        this.users = users;
        this.companies = companies;
    }

    Optional<ConsoleUser> find(Authentication authentication) {
        Optional<SignedInUser> who = SignedInUser.parse(authentication == null ? null : authentication.getName());
        Optional<UserRecord> user = who.flatMap(w -> users.find(w.company(), w.userId())).filter(UserRecord::active);
        Optional<Company> company = who.flatMap(w -> companies.find(w.company()));
        if (user.isEmpty() || company.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleUser(company.get(), user.get()));
    }

    ConsoleUser require(Authentication authentication) {
        return find(authentication).orElseThrow(SignedOutException::new);
    }
}
