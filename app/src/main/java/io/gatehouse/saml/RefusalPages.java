package io.gatehouse.saml;

import io.gatehouse.saml.core.FailureCode;
import io.gatehouse.saml.core.SamlValidationResult;

/** Chooses the page for a refusal: the person's next step where there is one, else "give the reference". */
final class RefusalPages {

    private static final String GENERIC_ACTION = "Give the reference below to your administrator; the company's "
            + "sign-in log shows what went wrong.";

    private RefusalPages() {}

    static RefusalPage forFailure(SamlValidationResult.Failure f, String startOver) {
        FailureCode code = f.code();
        if (code == FailureCode.STATUS_NOT_SUCCESS) {
            return EntraErrors.page(f.idpStatus(), startOver);
        }
        if (code == FailureCode.IDP_INITIATED_NOT_ALLOWED) {
            return new RefusalPage("Start signing in from {product}",
                    "Your company only allows signing in that starts at {product}, not from the identity "
                            + "provider's app list.", null, null, startOver);
        }
        if (code == FailureCode.IN_RESPONSE_TO_MISMATCH) {
            return expired(startOver);
        }
        if (code == FailureCode.EXPIRED || code == FailureCode.NOT_YET_VALID) {
            return new RefusalPage("The sign-in took too long",
                    "The answer from your identity provider is outside its validity period.",
                    GENERIC_ACTION, null, startOver);
        }
        return new RefusalPage("We could not sign you in",
                "The answer from your identity provider did not pass {product}'s checks.", GENERIC_ACTION, null,
                startOver);
    }

    static RefusalPage forRefusal(RefusalCode code, String companyName, String startOver) {
        String company = companyName == null ? "your company" : companyName;
        return switch (code) {
            case REQUEST_ALREADY_USED, ASSERTION_REPLAYED -> expired(startOver);
            case USER_UNKNOWN -> new RefusalPage("Your account is not set up in {product}",
                    "There is no {product} account for you in " + company + ".",
                    "Your administrator must assign you to the {product} application in your identity provider "
                            + "(in Microsoft Entra ID: Enterprise applications → {product} → Users and groups) and "
                            + "let provisioning create your account.", null, null);
            case USER_DEACTIVATED -> new RefusalPage("Your account is deactivated",
                    "Your {product} account in " + company + " has been deactivated.",
                    "If you should still have access, ask your administrator to reactivate your account in your "
                            + "identity provider.", null, null);
            case LINK_CLAIM_MISSING -> new RefusalPage("Single sign-on is misconfigured",
                    "Your identity provider did not send the attribute {product} identifies you by.",
                    "Your administrator must add the claim named in the sign-in log to the application's "
                            + "Attributes & Claims.", null, null);
            case NO_CONNECTION -> new RefusalPage("Single sign-on is not set up",
                    company + " has not set up single sign-on with {product} yet.", null, null, null);
            default -> new RefusalPage("We could not sign you in",
                    "Your account could not be matched to a {product} account in " + company + ".",
                    GENERIC_ACTION, null, null);
        };
    }

    private static RefusalPage expired(String startOver) {
        return new RefusalPage("This sign-in has expired",
                "This sign-in was already used or has expired. Please start again.", null, null, startOver);
    }
}
