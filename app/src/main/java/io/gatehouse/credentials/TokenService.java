package io.gatehouse.credentials;

import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Issues, checks and revokes tokens. Nothing is cached: a revoked token fails on every node with the
 * very next request, at the price of one primary-key lookup per request.
 */
@Service
public class TokenService {

    private final CredentialRepository credentials;
    private final Clock clock;

    TokenService(CredentialRepository credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    public IssuedToken issueScimToken(CompanyId company) {
        return issue(company, TokenKind.SCIM);
    }

    IssuedToken issue(CompanyId company, TokenKind kind) {
        TokenCodec.Minted minted = TokenCodec.mint(kind);
        UUID id = UUID.randomUUID();
        credentials.insert(id, company, kind, minted, clock.instant());
        return new IssuedToken(id, minted.token(), minted.displayPrefix());
    }

    /** The company a SCIM bearer token belongs to, if the token is genuine and not revoked. */
    public Optional<Company> authenticateScim(String bearer) {
        Optional<TokenCodec.Parsed> parsed = TokenCodec.parse(TokenKind.SCIM, bearer);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return credentials.findActiveScim(parsed.get().lookupId())
                .filter(row -> TokenCodec.sameHash(row.secretHash(), parsed.get().hash()))
                .map(row -> {
                    Instant now = clock.instant();
                    if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minusSeconds(60))) {
                        credentials.touch(row.id(), now);
                    }
                    return row.company();
                });
    }

    public boolean authenticateOperator(String bearer) {
        Optional<TokenCodec.Parsed> parsed = TokenCodec.parse(TokenKind.OPERATOR, bearer);
        return parsed.flatMap(p -> credentials.findActiveOperatorHash(p.lookupId())
                        .map(hash -> TokenCodec.sameHash(hash, p.hash())))
                .orElse(false);
    }

    public List<TokenInfo> scimTokens(CompanyId company) {
        return credentials.list(company, TokenKind.SCIM);
    }

    public boolean hasActiveScimToken(CompanyId company) {
        return credentials.hasActive(company, TokenKind.SCIM);
    }

    public boolean scimTokenExists(CompanyId company, UUID tokenId) {
        return credentials.exists(company, tokenId);
    }

    /** True when this call revoked it; false when it was already revoked or is not this company's. */
    public boolean revoke(CompanyId company, UUID tokenId) {
        return credentials.revoke(company, tokenId, clock.instant());
    }
}
