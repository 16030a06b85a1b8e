package io.gatehouse.oidc;

import io.gatehouse.saml.RefusalPage;

/** Plain-words pages for refused "Sign in with Microsoft" attempts (the technical detail is in the log). */
final class OidcPages {

    private static final String GIVE_REFERENCE = "Give the reference below to your administrator; the company's "
            + "sign-in log shows what went wrong.";

    private OidcPages() {}

    static RefusalPage forRefusal(OidcRefusal code, String companyName, String startOver) {
        String company = companyName == null ? "your company" : companyName;
        return switch (code) {
            case USER_UNKNOWN -> new RefusalPage("Your account is not set up in {product}",
                    "There is no {product} account for you in " + company + ".",
                    "Your administrator must assign you to the {product} application in Microsoft Entra ID "
                            + "(Enterprise applications → {product} → Users and groups) and let provisioning create "
                            + "your account.", null, null);
            case USER_DEACTIVATED -> new RefusalPage("Your account is deactivated",
                    "Your {product} account in " + company + " has been deactivated.",
                    "If you should still have access, ask your administrator to reactivate your account in "
                            + "Microsoft Entra ID.", null, null);
            case LINK_CLAIM_MISSING -> new RefusalPage("Sign in with Microsoft is misconfigured",
                    "Microsoft did not send the value {product} identifies you by.", GIVE_REFERENCE, null, null);
            case TENANT_MISMATCH -> new RefusalPage("This account belongs to another organization",
                    "You signed in with an account of an organization other than " + company + ".",
                    "Sign in with your " + company + " work account.", null, startOver);
            case METHOD_OFF -> new RefusalPage("Sign in with Microsoft is switched off",
                    company + " does not offer Sign in with Microsoft at the moment.",
                    "Sign in with your work email on the login page instead, or ask your administrator to offer "
                            + "Sign in with Microsoft again (Company settings → Single sign-on).", null, startOver);
            case PROVIDER_UNAVAILABLE -> new RefusalPage("Microsoft sign-in is unavailable right now",
                    "{product} could not complete the sign-in with Microsoft. Please try again in a few minutes.",
                    null, null, startOver);
            case EXPIRED, NOT_YET_VALID, TOKEN_REPLAYED, NONCE_MISMATCH, STATE_INVALID -> new RefusalPage(
                    "This sign-in has expired", "This sign-in was already used or has expired. Please start again.",
                    null, null, startOver);
            default -> new RefusalPage("We could not sign you in",
                    "The answer from Microsoft did not pass {product}'s checks.", GIVE_REFERENCE, null, startOver);
        };
    }
}
