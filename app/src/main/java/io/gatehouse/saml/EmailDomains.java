package io.gatehouse.saml;

import static io.gatehouse.saml.SamlConnectionRepository.ts;

import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email domains that send a person typing their work email on /login to their company's IdP. The operator
 * sets them (that is the verification for now); a domain belongs to at most one company.
 */
@Service
public class EmailDomains {

    /** RFC 1035 labels (IDNs in their xn-- form), at least two of them, at most 253 characters. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");
    private static final int MAX_DOMAINS = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    EmailDomains(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** A domain another company already has. */
    public static final class DomainTakenException extends RuntimeException {
        public DomainTakenException(String domain, UUID owner) {
            super("The email domain " + domain + " already belongs to company " + owner
                    + ". Remove it there first; a domain can route to one company only.");
        }
    }

    /** Replaces the company's domains; refuses the whole change if any domain is another company's. */
    public List<String> replace(CompanyId company, List<String> requested) {
        List<String> domains = normalize(requested);
        return tx.execute(status -> {
            for (String domain : domains) {
                owner(domain).filter(o -> !o.equals(company.value())).ifPresent(o -> {
                    throw new DomainTakenException(domain, o);
                });
            }
            jdbc.sql("DELETE FROM company_email_domain WHERE company_id = ?").param(company.value()).update();
            for (String domain : domains) {
                try {
                    jdbc.sql("INSERT INTO company_email_domain (domain, company_id, created_at) VALUES (?, ?, ?)")
                            .params(domain, company.value(), ts(clock.instant()))
                            .update();
                } catch (DuplicateKeyException raced) {
                    throw new DomainTakenException(domain, owner(domain).orElse(null));
                }
            }
            return list(company);
        });
    }

    public List<String> list(CompanyId company) {
        return jdbc.sql("SELECT domain FROM company_email_domain WHERE company_id = ? ORDER BY domain")
                .param(company.value()).query(String.class).list();
    }

    /** The company a work email address belongs to, by its exact domain. */
    public Optional<CompanyId> companyOf(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return Optional.empty();
        }
        return owner(email.substring(at + 1).trim().toLowerCase(Locale.ROOT)).map(CompanyId::new);
    }

    private Optional<UUID> owner(String domain) {
        return jdbc.sql("SELECT company_id FROM company_email_domain WHERE domain = ?")
                .param(domain).query((rs, n) -> rs.getObject(1, UUID.class)).optional();
    }

    /** Lower-case, without a leading "@", each a valid host name; throws IllegalArgumentException naming the bad one. */
    static List<String> normalize(List<String> requested) {
        if (requested == null) {
            throw new IllegalArgumentException("A JSON body {\"domains\": [\"example.com\", …]} is required.");
        }
        if (requested.size() > MAX_DOMAINS) {
            throw new IllegalArgumentException("At most " + MAX_DOMAINS + " domains per company.");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String raw : requested) {
            String d = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            d = d.startsWith("@") ? d.substring(1) : d;
            d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
            if (!DOMAIN.matcher(d).matches()) {
                throw new IllegalArgumentException("\"" + raw + "\" is not an email domain such as contoso.com.");
            }
            out.add(d);
        }
        return new ArrayList<>(out);
    }
}
