package io.gatehouse.operator;

import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.Feature;
import java.util.LinkedHashMap;
import java.util.Map;

/** The operator API's JSON for a company, with the values its IT admin pastes into Entra. */
final class CompanyView {

    private CompanyView() {}

    static Map<String, Object> of(Company company, boolean managedByIdentityProvider, GatehouseProperties props) {
        String base = props.baseUrl() + "/saml/" + company.id();
        Map<String, Object> saml = new LinkedHashMap<>();
        saml.put("entityId", base + "/metadata");
        saml.put("replyUrl", base + "/acs");
        saml.put("metadataUrl", base + "/metadata");
        saml.put("loginUrl", base + "/login");
        saml.put("logoutUrl", base + "/slo");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", company.id().toString());
        view.put("name", company.name());
        view.put("plan", company.plan());
        view.put("features", company.features().stream().map(Feature::name).sorted().toList());
        view.put("provisioningEnabled", company.provisioningEnabled());
        view.put("directoryManagedByIdentityProvider", managedByIdentityProvider);
        view.put("scimBaseUrl", props.scimBaseUrl());
        view.put("saml", saml);
        view.put("createdAt", company.createdAt().toString());
        return view;
    }
}
