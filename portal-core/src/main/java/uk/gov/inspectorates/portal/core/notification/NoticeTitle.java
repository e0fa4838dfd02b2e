package uk.gov.inspectorates.portal.core.notification;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where a title is made fit for an e-mail. Titles are typed by people and could carry a child's
 * identifier or an address; an e-mail leaves the portal's protection, so what goes into one is cut down here:
 * control and formatting characters (bidirectional overrides included) removed, whitespace collapsed, every word
 * holding two or more digits (identifiers, case numbers, NHS numbers, dates: a year is an acceptable loss) or an
 * {@code @} replaced with {@value #REMOVED}, and the result at most {@value #MAX_LENGTH} characters.
 */
public final class NoticeTitle {

    public static final int MAX_LENGTH = 80;
    public static final String REMOVED = "[removed]";

    private NoticeTitle() {
    }

    public static String clean(String title) {
        if (title == null) {
            return "";
        }
        StringBuilder visible = new StringBuilder();
        title.codePoints().forEach(c -> visible.appendCodePoint(invisible(c) ? ' ' : c));
        List<String> words = new ArrayList<>();
        for (String word : visible.toString().strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(identifying(word) ? REMOVED : word);
            }
        }
        return shortened(String.join(" ", words));
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED || Character.isWhitespace(c);
    }

    private static boolean identifying(String word) {
        return word.codePoints().filter(Character::isDigit).count() >= 2 || word.indexOf('@') >= 0;
    }

    private static String shortened(String title) {
        if (title.length() <= MAX_LENGTH) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_LENGTH - 1);
        return title.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1) + "…";
    }
}
