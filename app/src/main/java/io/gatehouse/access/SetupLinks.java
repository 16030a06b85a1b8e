package io.gatehouse.access;

import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time links with which a break-glass administrator sets their local password:
 * {@code <base URL>/setup/<token>}. A link works once, for 7 days, and only the newest link of an account
 * works. Only SHA-256 of the token is stored. (The page behind the link comes with the console.)
 */
@Service
public class SetupLinks {

    public static final Duration VALIDITY = Duration.ofDays(7);

    /** A new link: the only moment it exists outside its holder's hands. Do not log. */
    public record IssuedLink(String url, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedLink[expiresAt=" + expiresAt + "]";
        }
    }

    /** What the setup page may show before the password is chosen. */
    public record LinkInfo(CompanyId company, UUID userId, String userName, Instant expiresAt) {}

    public record Redeemed(CompanyId company, UUID userId) {}

    private final SetupLinkRepository links;
    private final LocalCredentialRepository credentials;
    private final PasswordHasher hasher;
    private final TransactionTemplate tx;
    private final GatehouseProperties properties;
    private final Clock clock;

    SetupLinks(SetupLinkRepository links, LocalCredentialRepository credentials, TransactionTemplate tx,
               GatehouseProperties properties, Clock clock) {
        this.links = links;
        this.credentials = credentials;
        this.hasher = new PasswordHasher();
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Issues a new link for the user and closes their earlier ones; runs in the caller's transaction. */
    IssuedLink issue(CompanyId company, UUID userId) {
        Instant now = clock.instant();
        String token = SetupToken.mint();
        links.closeOpenLinks(company, userId, now);
        Instant expiresAt = now.plus(VALIDITY);
        links.insert(SetupToken.hash(token), company, userId, now, expiresAt);
        return new IssuedLink(properties.baseUrl() + "/setup/" + token, expiresAt);
    }

    /**
     * Checks a link without using it.
     *
     * @throws SetupLinkException INVALID, USED or EXPIRED
     */
    public LinkInfo check(String token) {
        SetupLinkRepository.LinkRow row = usable(token, clock.instant());
        return new LinkInfo(row.company(), row.userId(), row.userName(), row.expiresAt());
    }

    /**
     * Sets the account's local password (replacing an earlier one) and uses up the link.
     *
     * @throws PasswordRejectedException when the password does not meet the policy (the link stays usable)
     * @throws SetupLinkException INVALID, USED or EXPIRED
     */
    public Redeemed redeem(String token, String password) {
        SetupLinkRepository.LinkRow row = usable(token, clock.instant());
        PasswordPolicy.check(password);
        // Hashed before the transaction: PBKDF2 is deliberately slow and must not hold the row lock.
        PasswordHasher.Hashed hashed = hasher.hash(password);
        String hash = SetupToken.hash(token);
        return tx.execute(status -> {
            Instant now = clock.instant();
            if (!links.markUsed(hash, now)) {
                usable(token, now); // throws the reason another request or the clock gave it
                throw new SetupLinkException(SetupLinkException.Reason.USED);
            }
            credentials.upsert(row.company(), row.userId(), hashed, now);
            return new Redeemed(row.company(), row.userId());
        });
    }

    private SetupLinkRepository.LinkRow usable(String token, Instant now) {
        if (!SetupToken.wellFormed(token)) {
            throw new SetupLinkException(SetupLinkException.Reason.INVALID);
        }
        SetupLinkRepository.LinkRow row = links.find(SetupToken.hash(token))
                .orElseThrow(() -> new SetupLinkException(SetupLinkException.Reason.INVALID));
        if (row.usedAt() != null) {
            throw new SetupLinkException(SetupLinkException.Reason.USED);
        }
        if (!row.expiresAt().isAfter(now)) {
            throw new SetupLinkException(SetupLinkException.Reason.EXPIRED);
        }
        return row;
    }
}
