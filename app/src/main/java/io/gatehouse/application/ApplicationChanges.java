package io.gatehouse.application;

import java.util.List;

/**
 * A request to register or change an application, as the operator API or the support console received it:
 * unvalidated, {@code null} = not given (on an update: unchanged). {@code backChannelLogoutUri} and
 * {@code initiateLoginUri} {@code ""} remove it. {@code companyIds} replaces the served list (and means "not all companies").
 */
public record ApplicationChanges(String name, List<String> redirectUris, String defaultRedirectUri,
                                 List<String> postLogoutRedirectUris, String backChannelLogoutUri,
                                 Boolean servesAllCompanies, List<String> companyIds, Boolean enabled,
                                 String initiateLoginUri) {

    /** Leaving the initiate login URI as it is. */
    public ApplicationChanges(String name, List<String> redirectUris, String defaultRedirectUri,
                              List<String> postLogoutRedirectUris, String backChannelLogoutUri,
                              Boolean servesAllCompanies, List<String> companyIds, Boolean enabled) {
        this(name, redirectUris, defaultRedirectUri, postLogoutRedirectUris, backChannelLogoutUri, servesAllCompanies,
                companyIds, enabled, null);
    }

    public static ApplicationChanges none() {
        return new ApplicationChanges(null, null, null, null, null, null, null, null, null);
    }

    public ApplicationChanges withEnabled(boolean value) {
        return new ApplicationChanges(name, redirectUris, defaultRedirectUri, postLogoutRedirectUris,
                backChannelLogoutUri, servesAllCompanies, companyIds, value, initiateLoginUri);
    }

    public ApplicationChanges withServesAllCompanies(boolean value) {
        return new ApplicationChanges(name, redirectUris, defaultRedirectUri, postLogoutRedirectUris,
                backChannelLogoutUri, value, companyIds, enabled, initiateLoginUri);
    }
}
