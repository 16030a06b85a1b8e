package io.gatehouse.application;

import io.gatehouse.tenancy.CompanyId;
import java.util.List;

/**
 * What the operator decides about a product application, validated ({@link RegistrationRules}): redirect URIs in
 * the operator's order with the default among them, post-logout redirect URIs, the optional back-channel logout
 * URI, the companies it serves (all, or {@code companyIds}; empty when all), whether it is enabled, and the optional
 * initiate login URI (where a sign-in started at the identity provider is handed to the product).
 */
public record ApplicationSettings(String name, List<String> redirectUris, String defaultRedirectUri,
                                  List<String> postLogoutRedirectUris, String backChannelLogoutUri,
                                  boolean servesAllCompanies, List<CompanyId> companyIds, boolean enabled,
                                  String initiateLoginUri) {

    /** Without an initiate login URI. */
    public ApplicationSettings(String name, List<String> redirectUris, String defaultRedirectUri,
                               List<String> postLogoutRedirectUris, String backChannelLogoutUri,
                               boolean servesAllCompanies, List<CompanyId> companyIds, boolean enabled) {
        this(name, redirectUris, defaultRedirectUri, postLogoutRedirectUris, backChannelLogoutUri, servesAllCompanies,
                companyIds, enabled, null);
    }

    public ApplicationSettings {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        companyIds = List.copyOf(companyIds);
    }
}
