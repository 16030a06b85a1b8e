package io.gatehouse.tenancy;

/** Features a plan may include. Which plan includes which is data (table plan_feature). */
public enum Feature {
    USER_GROUPS("User groups are a premium feature that is not included in this company's plan. "
            + "Contact your Customer Success Manager to add user groups to your plan.");

    private final String notInPlanMessage;

    Feature(String notInPlanMessage) {
        this.notInPlanMessage = notInPlanMessage;
    }

    /** What a person (or an identity provider's log) is told when the plan lacks the feature. */
    public String notInPlanMessage() {
        return notInPlanMessage;
    }
}
