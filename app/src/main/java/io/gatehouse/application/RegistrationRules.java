package io.gatehouse.application;

import io.gatehouse.tenancy.CompanyId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a registration request into validated settings, or refuses it with the field at fault. Plain Java: the
 * same answer for the operator API and the support console, tested as a table ({@code RegistrationRulesTest}).
 * Whether the listed companies exist is the service's question (it needs the database).
 */
final class RegistrationRules {

    static final int MAX_NAME = 200;
    static final int MAX_URIS = 20;
    static final int MAX_COMPANIES = 10_000;

    private RegistrationRules() {}

    /** Settings for a new application: name and at least one redirect URI are required. */
    static ApplicationSettings forNew(ApplicationChanges request) {
        if (request.name() == null) {
            throw new InvalidApplicationException("name", "name is required (1 to " + MAX_NAME + " characters).");
        }
        if (request.redirectUris() == null) {
            throw new InvalidApplicationException("redirectUris", "redirectUris is required: at least one "
                    + "https URI where the product receives the authorization code.");
        }
        return apply(new ApplicationSettings("-", List.of(), null, List.of(), null, false, List.of(), true), request);
    }

    /** {@code current} with the given changes applied; what is not given stays as it was. */
    static ApplicationSettings apply(ApplicationSettings current, ApplicationChanges changes) {
        String name = changes.name() == null ? current.name() : name(changes.name());
        List<String> redirects = changes.redirectUris() == null ? current.redirectUris()
                : uris("redirectUris", changes.redirectUris(), UriRules::redirectUriProblem, 1);
        String defaultUri = defaultRedirect(changes.defaultRedirectUri(), current.defaultRedirectUri(), redirects);
        List<String> postLogout = changes.postLogoutRedirectUris() == null ? current.postLogoutRedirectUris()
                : uris("postLogoutRedirectUris", changes.postLogoutRedirectUris(), UriRules::redirectUriProblem, 0);
        String backChannel = changes.backChannelLogoutUri() == null ? current.backChannelLogoutUri()
                : backChannel(changes.backChannelLogoutUri());
        boolean all = changes.servesAllCompanies() == null ? current.servesAllCompanies()
                : changes.servesAllCompanies();
        List<CompanyId> companies = current.companyIds();
        if (changes.companyIds() != null) {
            if (Boolean.TRUE.equals(changes.servesAllCompanies()) && !changes.companyIds().isEmpty()) {
                throw new InvalidApplicationException("companyIds",
                        "Give either servesAllCompanies: true or a list of companyIds, not both.");
            }
            companies = companyIds(changes.companyIds());
            all = Boolean.TRUE.equals(changes.servesAllCompanies());
        }
        if (all) {
            companies = List.of();
        }
        boolean enabled = changes.enabled() == null ? current.enabled() : changes.enabled();
        String initiate = changes.initiateLoginUri() == null ? current.initiateLoginUri()
                : optionalUri("initiateLoginUri", changes.initiateLoginUri(), UriRules::redirectUriProblem);
        return new ApplicationSettings(name, redirects, defaultUri, postLogout, backChannel, all, companies, enabled,
                initiate);
    }

    private static String name(String raw) {
        String name = raw.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidApplicationException("name", "name is required (1 to " + MAX_NAME + " characters).");
        }
        return name;
    }

    /** Validated, duplicates dropped, in the given order. */
    private static List<String> uris(String field, List<String> given, Function<String, Optional<String>> rule,
                                     int min) {
        LinkedHashSet<String> uris = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String uri = given.get(i) == null ? "" : given.get(i).strip();
            String at = field + "[" + i + "]";
            rule.apply(uri).ifPresent(problem -> {
                throw new InvalidApplicationException(at, at + " " + problem + ": \"" + abbreviate(uri) + "\".");
            });
            uris.add(uri);
        }
        if (uris.size() < min) {
            throw new InvalidApplicationException(field, field + " needs at least " + min + " URI.");
        }
        if (uris.size() > MAX_URIS) {
            throw new InvalidApplicationException(field, field + " may hold at most " + MAX_URIS + " URIs.");
        }
        return List.copyOf(uris);
    }

    /** The given default (must be registered), else the current one while still registered, else the first. */
    private static String defaultRedirect(String given, String current, List<String> redirects) {
        if (given != null) {
            String uri = given.strip();
            if (!redirects.contains(uri)) {
                throw new InvalidApplicationException("defaultRedirectUri",
                        "defaultRedirectUri must be one of the redirectUris (exactly): \"" + abbreviate(uri) + "\".");
            }
            return uri;
        }
        return current != null && redirects.contains(current) ? current : redirects.get(0);
    }

    private static String backChannel(String raw) {
        return optionalUri("backChannelLogoutUri", raw, UriRules::outboundEndpointProblem);
    }

    /** A URI that {@code rule} accepts, or null for "" (none). */
    private static String optionalUri(String field, String raw, Function<String, Optional<String>> rule) {
        String uri = raw.strip();
        if (uri.isEmpty()) {
            return null;
        }
        rule.apply(uri).ifPresent(problem -> {
            throw new InvalidApplicationException(field, field + " " + problem + ": \"" + abbreviate(uri) + "\".");
        });
        return uri;
    }

    private static List<CompanyId> companyIds(List<String> given) {
        if (given.size() > MAX_COMPANIES) {
            throw new InvalidApplicationException("companyIds", "companyIds may hold at most " + MAX_COMPANIES
                    + " companies; serve all companies instead.");
        }
        LinkedHashSet<CompanyId> ids = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "companyIds[" + i + "]";
            String text = given.get(i);
            ids.add(CompanyId.parse(text == null ? null : text.strip()).orElseThrow(() ->
                    new InvalidApplicationException(at, at + " is not a company id: \"" + abbreviate(text) + "\".")));
        }
        return new ArrayList<>(ids);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
