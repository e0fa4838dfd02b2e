package uk.gov.inspectorates.portal.core.referral;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import uk.gov.inspectorates.portal.core.shared.FieldError;

/**
 * Case numbers on a referral are identifiers, never names (JTAI §19, §80): letters, digits and the separators case
 * systems use ({@code - / _ .}), no spaces, at least one digit, at most {@value #MAX_LENGTH} characters. "Jane Smith",
 * "JSmith" or "Smith-Jones" are refused; "CS-2026-00417", "AB12/345" are accepted. The refusal never repeats what was
 * given: it may be a child's name.
 */
public final class CaseNumbers {

    public static final int MAX_LENGTH = 40;
    public static final int MAX_COUNT = 20;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]*");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    private CaseNumbers() {
    }

    /** The case numbers (trimmed, blanks left out, each once), adding an error for each that is not an identifier. */
    public static List<String> check(List<String> given, List<FieldError> errors) {
        Set<String> numbers = new LinkedHashSet<>();
        int position = 0;
        for (String raw : given) {
            position++;
            String number = raw == null ? "" : raw.strip();
            if (number.isEmpty()) {
                continue;
            }
            if (!isIdentifier(number)) {
                errors.add(new FieldError("caseNumbers", "Case number " + position + " is not a case number: give "
                        + "identifiers only (letters, digits, - / _ . and at least one digit, up to " + MAX_LENGTH
                        + " characters), never a child's or family member's name"));
                continue;
            }
            numbers.add(number);
        }
        if (numbers.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("caseNumbers"))) {
            errors.add(new FieldError("caseNumbers", "Give at least one case number"));
        }
        if (numbers.size() > MAX_COUNT) {
            errors.add(new FieldError("caseNumbers", "Give at most " + MAX_COUNT + " case numbers"));
        }
        return new ArrayList<>(numbers);
    }

    static boolean isIdentifier(String number) {
        return number.length() <= MAX_LENGTH && IDENTIFIER.matcher(number).matches() && DIGIT.matcher(number).find();
    }
}
