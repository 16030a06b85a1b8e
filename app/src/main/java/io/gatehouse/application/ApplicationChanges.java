package io.gatehouse.application;

import java.util.List;

/**
 * A request to register or change an application, as the operator API or the support console received it:
 * unvalidated, {@code null} = not given (on an update: unchanged). {@code backChannelLogoutUri} {@code ""} removes
 * it. {@code companyIds} replaces the served list (and means "not all companies").
 */
public record ApplicationChanges(String name, List<String> redirectUris, String defaultRedirectUri,
                                 List<String> postLogoutRedirectUris, String backChannelLogoutUri,
                                 Boolean servesAllCompanies, List<String> companyIds, Boolean enabled) {

    public static ApplicationChanges none() {
        return new ApplicationChanges(null, null, null, null, null, null, null, null);
    }

    public ApplicationChanges withEnabled(boolean value) {
        return new ApplicationChanges(name, redirectUris, defaultRedirectUri, postLogoutRedirectUris,
                backChannelLogoutUri, servesAllCompanies, companyIds, value);
    }

    public ApplicationChanges withServesAllCompanies(boolean value) {
        return new ApplicationChanges(name, redirectUris, defaultRedirectUri, postLogoutRedirectUris,
                backChannelLogoutUri, value, companyIds, enabled);
    }
}
