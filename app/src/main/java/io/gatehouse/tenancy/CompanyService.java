package io.gatehouse.tenancy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating companies and changing their plan, name and provisioning switch. */
@Service
public class CompanyService {

    private final CompanyRepository companies;
    private final PlanCatalog plans;
    private final Clock clock;

    CompanyService(CompanyRepository companies, PlanCatalog plans, Clock clock) {
        this.companies = companies;
        this.plans = plans;
        this.clock = clock;
    }

    @Transactional
    public Company create(String name, String plan) {
        requireName(name);
        requirePlan(plan);
        CompanyId id = CompanyId.random();
        companies.insert(id, name.trim(), plan, clock.instant());
        return companies.find(id).orElseThrow();
    }

    public Optional<Company> find(CompanyId id) {
        return companies.find(id);
    }

    public List<Company> list() {
        return companies.list();
    }

    /** Applies the given changes (null = unchanged) in one transaction. */
    @Transactional
    public Optional<Company> update(CompanyId id, String name, String plan, Boolean provisioningEnabled) {
        if (companies.find(id).isEmpty()) {
            return Optional.empty();
        }
        if (name != null) {
            requireName(name);
            companies.updateName(id, name.trim(), clock.instant());
        }
        if (plan != null) {
            requirePlan(plan);
            companies.updatePlan(id, plan, clock.instant());
        }
        if (provisioningEnabled != null) {
            companies.updateProvisioningEnabled(id, provisioningEnabled, clock.instant());
        }
        return companies.find(id);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name is required (1 to 200 characters)");
        }
    }

    private void requirePlan(String plan) {
        if (plan == null || !plans.exists(plan)) {
            throw new IllegalArgumentException("plan must be one of the plans offered, e.g. \"standard\" or "
                    + "\"premium\"; got " + (plan == null ? "nothing" : "\"" + plan + "\""));
        }
    }
}
