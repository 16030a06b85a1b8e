package io.gatehouse.access;

import io.gatehouse.tenancy.CompanyId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Sign-in with a local password, for break-glass administrators: it works even when the company requires
 * SSO, because it exists for when SSO is broken. (The sign-in form comes with the console.)
 *
 * <p>Who can: an active LOCAL user with a local password (set through a setup link). Every failure looks the
 * same, an empty result, whether the email is unknown, the password wrong, the account deactivated or its
 * password never set; and every attempt runs the slow hash at least once (against a decoy when there is no
 * candidate), so response time does not tell which. Comparison is constant-time. Attempt limiting belongs to
 * the web form that will call this.
 */
@Service
public class LocalLogin {

    /** Who signed in. */
    public record LocalPrincipal(CompanyId company, UUID userId) {}

    private static final int MAX_EMAIL = 512;

    private final LocalCredentialRepository credentials;
    private final PasswordHasher hasher = new PasswordHasher();
    private volatile PasswordHasher.Hashed decoy;

    LocalLogin(LocalCredentialRepository credentials) {
        this.credentials = credentials;
    }

    /**
     * By email alone (the userName of the break-glass account). Should the same email have a local password in
     * several companies, each is tried and the first (by company id) that matches wins.
     */
    public Optional<LocalPrincipal> authenticate(String email, String password) {
        if (!plausible(email, password)) {
            return spendAndFail();
        }
        return verify(credentials.candidates(email.strip()), password);
    }

    /** Within one company, for a sign-in page that already knows it (e.g. reached from the company's URL). */
    public Optional<LocalPrincipal> authenticate(CompanyId company, String email, String password) {
        if (company == null || !plausible(email, password)) {
            return spendAndFail();
        }
        return verify(credentials.candidates(company, email.strip()), password);
    }

    private Optional<LocalPrincipal> verify(List<LocalCredentialRepository.Candidate> candidates, String password) {
        if (candidates.isEmpty()) {
            return spendAndFail();
        }
        LocalPrincipal match = null;
        for (LocalCredentialRepository.Candidate c : candidates) {
            // No early exit: every candidate costs the same whether or not an earlier one matched.
            if (hasher.verify(password, c.hashed()) && match == null) {
                match = new LocalPrincipal(c.company(), c.userId());
            }
        }
        return Optional.ofNullable(match);
    }

    private Optional<LocalPrincipal> spendAndFail() {
        hasher.verify("decoy password", decoy());
        return Optional.empty();
    }

    private PasswordHasher.Hashed decoy() {
        PasswordHasher.Hashed d = decoy;
        if (d == null) {
            d = hasher.hash(UUID.randomUUID().toString());
            decoy = d;
        }
        return d;
    }

    private static boolean plausible(String email, String password) {
        return email != null && !email.isBlank() && email.length() <= MAX_EMAIL
                && password != null && !password.isEmpty() && password.length() <= PasswordPolicy.MAX_LENGTH;
    }
}
