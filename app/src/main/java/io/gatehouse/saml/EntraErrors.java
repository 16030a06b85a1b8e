package io.gatehouse.saml;

import io.gatehouse.saml.core.IdpStatus;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Entra ID reports a refused sign-in as a non-success SAML Status whose StatusMessage starts
 * with an AADSTS code. The common ones are configuration the company's admin must fix in Entra; this
 * turns them into a page that says what to do instead of an opaque error.
 */
public final class EntraErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d{4,7})");

    private record Advice(String title, String message, String adminAction) {}

    private static final Advice CONSENT = new Advice("Need admin approval",
            "Your organization requires an administrator to approve {product} before you can use it.",
            "An administrator of your organization must grant consent on behalf of the organization: in the "
                    + "Microsoft Entra admin center open Enterprise applications, select the {product} application, "
                    + "open Permissions and choose \"Grant admin consent\" (or sign in once as an administrator and "
                    + "accept the permissions for the whole organization).");

    private static final Map<String, Advice> ADVICE = Map.of(
            "50105", new Advice("You have not been given access to {product}",
                    "Your account is not assigned to the {product} application in your organization's Microsoft "
                            + "Entra ID.",
                    "Your administrator must assign you (or a group you are in) to the {product} enterprise "
                            + "application: Enterprise applications → {product} → Users and groups → Add user/group."),
            "65001", CONSENT,
            "90094", CONSENT,
            "90095", CONSENT,
            "50011", new Advice("Single sign-on is misconfigured",
                    "Microsoft Entra ID does not know the reply address {product} uses.",
                    "Your administrator must set the Reply URL (Assertion Consumer Service URL) in the "
                            + "application's Basic SAML Configuration to the value shown in {product}'s SSO settings."),
            "700016", new Advice("Single sign-on is misconfigured",
                    "Microsoft Entra ID does not recognise {product}'s identifier.",
                    "Your administrator must set the Identifier (Entity ID) in the application's Basic SAML "
                            + "Configuration to the value shown in {product}'s SSO settings."),
            "50020", new Advice("This account is not from your organization",
                    "The account you signed in with does not belong to your organization's directory.",
                    "Sign in with your work account. If you did, your administrator must add your account to the "
                            + "organization's Microsoft Entra ID."),
            "50034", new Advice("This account is not from your organization",
                    "The account you signed in with does not exist in your organization's directory.",
                    "Sign in with your work account. If you did, your administrator must add your account to the "
                            + "organization's Microsoft Entra ID."));

    private EntraErrors() {}

    /** The AADSTS code in the IdP's message, e.g. "AADSTS50105", or null. */
    static String code(IdpStatus status) {
        if (status == null || status.message() == null) {
            return null;
        }
        Matcher m = AADSTS.matcher(status.message());
        return m.find() ? m.group() : null;
    }

    static RefusalPage page(IdpStatus status, String startOverUrl) {
        return page(code(status), startOverUrl);
    }

    /** The page for an Entra error message (an OpenID Connect error_description), e.g. "AADSTS50105: …". */
    public static RefusalPage forMessage(String message, String startOverUrl) {
        Matcher m = message == null ? null : AADSTS.matcher(message);
        return page(m != null && m.find() ? m.group() : null, startOverUrl);
    }

    private static RefusalPage page(String code, String startOverUrl) {
        Advice advice = code == null ? null : ADVICE.get(code.substring("AADSTS".length()));
        if (advice == null) {
            return new RefusalPage("Your identity provider refused the sign-in",
                    "Your organization's identity provider did not sign you in"
                            + (code == null ? "." : " (error " + code + ")."),
                    "Give the reference below to your administrator; the company's sign-in log shows the "
                            + "identity provider's message.", code, startOverUrl);
        }
        return new RefusalPage(advice.title(), advice.message(), advice.adminAction(), code, startOverUrl);
    }
}
