package uk.gov.inspectorates.portal.core.referral;

import java.util.Arrays;
import java.util.Optional;

/** The reason for a referral back to an agency (JTAI Annex C): one category, chosen by the referring inspector. */
public enum ReferralCategory {
    /** Flagged at once to both sides (page banner and e-mail). */
    CATEGORY_1(1, "Serious issue of concern (for example, failure to follow child protection procedures and/or child "
            + "at immediate risk of significant harm)"),
    CATEGORY_2(2, "Concern that the service offer or risk assessment may not be appropriate for the child's needs");

    private final int number;
    private final String description;

    ReferralCategory(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    public String description() {
        return description;
    }

    public boolean serious() {
        return this == CATEGORY_1;
    }

    public static Optional<ReferralCategory> of(int number) {
        return Arrays.stream(values()).filter(category -> category.number == number).findFirst();
    }
}
