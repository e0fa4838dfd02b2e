package uk.gov.inspectorates.portal.core.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a list of children may hold (JTAI §19, §80): children by identifier, never by name; no names of family
 * members or staff either (staff by job title). Deliberately simple, and documented in docs/adr/0019:
 * <ul>
 * <li>the first non-blank row is the header; one of its columns must be an identifier ({@link #isIdentifier});</li>
 * <li>no header may name a person's name ({@link #namesAPerson});</li>
 * <li>no value may look like a person's name: two or three capitalised alphabetic words (hyphens and apostrophes
 * allowed) none of which is a word of the inspection's own vocabulary ("Child Protection Plan"), or a value that
 * starts with a common forename ({@link #COMMON_FORENAMES}); values in a column of names of places or bodies
 * ("School name") are not checked;</li>
 * <li>no cell may hold a formula (a spreadsheet would run it when an inspector opens the list: CSV injection).</li>
 * </ul>
 * It will not catch every name (a single uncommon forename, a name in lower case) nor pass every harmless value: the
 * refusal says which row and why, so that the sender can fix the list.
 */
final class ChildrenListRules {

    /** A refusal's reason and where: the row as the sender numbers it (header is usually 1). */
    record Problem(int row, String reason) {
        String message() {
            return row > 0 ? "Row " + row + ": " + reason : reason;
        }
    }

    private static final Set<String> IDENTIFIER_HEADERS = Set.of("id", "child id", "identifier", "child identifier",
            "unique id", "unique identifier", "case number", "case no", "case ref", "case reference", "ref",
            "reference", "child reference", "child ref", "upn", "unique pupil number", "record id", "person id",
            "system id");
    private static final Set<String> IDENTIFIER_ENDINGS = Set.of("id", "identifier", "number", "no", "ref",
            "reference");

    private static final Set<String> NAME_WORDS = Set.of("name", "names", "forename", "forenames", "firstname",
            "surname", "surnames", "lastname", "fullname", "nickname", "alias", "aka", "maiden");
    private static final Set<String> NAME_PHRASES = Set.of("first name", "given name", "last name", "family name",
            "full name", "middle name", "known as", "preferred name");
    /** "School name" and the like name a place or body, not a person. */
    private static final Set<String> NOT_A_PERSON = Set.of("school", "setting", "team", "organisation",
            "organization", "agency", "service", "file", "provider", "placement", "area", "authority", "ward",
            "court", "hospital", "practice", "gp", "unit", "document", "project");

    /** A small list of common forenames in England and Wales (ONS baby names, all decades), case-insensitive. */
    static final Set<String> COMMON_FORENAMES = Set.of("oliver", "george", "harry", "jack", "jacob", "noah",
            "charlie", "muhammad", "mohammed", "thomas", "oscar", "william", "james", "leo", "alfie", "henry",
            "joshua", "freddie", "archie", "ethan", "isaac", "alexander", "joseph", "edward", "samuel", "max",
            "daniel", "arthur", "lucas", "logan", "theo", "adam", "dylan", "riley", "liam", "ryan", "callum",
            "connor", "kyle", "jordan", "lewis", "luke", "matthew", "michael", "david", "john", "paul", "mark",
            "olivia", "amelia", "isla", "ava", "emily", "isabella", "mia", "poppy", "ella", "lily", "sophia",
            "sophie", "grace", "evie", "chloe", "jessica", "ruby", "freya", "charlotte", "daisy", "alice", "florence",
            "evelyn", "phoebe", "sienna", "holly", "emma", "hannah", "lauren", "megan", "amy", "rebecca", "sarah",
            "laura", "katie", "leah", "zara", "aisha", "fatima", "maryam", "amira", "layla", "mary", "elizabeth");
    /** Words of the inspection's own vocabulary: values made of them are categories, not names. */
    private static final Set<String> VOCABULARY = Set.of("child", "children", "protection", "plan", "in", "need",
            "early", "help", "looked", "after", "care", "leaver", "leavers", "social", "services", "police", "health",
            "education", "youth", "offending", "probation", "yes", "no", "not", "known", "unknown", "none", "open",
            "closed", "section", "referral", "assessment", "strategy", "discussion", "meeting", "conference",
            "initial", "review", "neglect", "abuse", "physical", "emotional", "sexual", "exploitation", "criminal",
            "missing", "from", "home", "school", "the", "and", "of", "local", "authority", "team", "male", "female",
            "other", "white", "black", "asian", "mixed", "british", "irish", "any", "background", "declined",
            "order", "supervision", "interim", "placed", "with", "parents", "foster", "residential", "kinship",
            "family", "plus", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "high", "medium", "low", "risk", "primary", "secondary", "academy",
            "college", "nursery", "infant", "junior", "centre", "hospital", "unit", "group", "street", "road");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}\\p{Ll}*(?:['\u2019-]\\p{Lu}?\\p{Ll}+)*");

    private ChildrenListRules() {
    }

    static Optional<Problem> check(Table table) {
        List<Table.Row> rows = table.rows().stream().filter(row -> !row.blank()).toList();
        if (rows.isEmpty()) {
            return Optional.of(new Problem(0, "The list of children is empty"));
        }
        Table.Row header = rows.get(0);
        for (Table.Cell cell : header.cells()) {
            if (cell.formula()) {
                return Optional.of(formula(header, cell));
            }
            if (namesAPerson(cell.text())) {
                return Optional.of(new Problem(header.number(), "the column \"" + cell.text().strip()
                        + "\" is for names. Identify children by their identifier only, and staff by job title,"
                        + " and remove the column"));
            }
        }
        if (header.cells().stream().noneMatch(cell -> isIdentifier(cell.text()))) {
            return Optional.of(new Problem(header.number(), "there is no identifier column. The first row must"
                    + " name a column of children's identifiers, such as \"Child ID\" or \"Case number\""));
        }
        Set<Integer> placeColumns = new java.util.HashSet<>();
        for (Table.Cell cell : header.cells()) {
            if (namesAPlace(cell.text())) {
                placeColumns.add(cell.column());
            }
        }
        for (Table.Row row : rows.subList(1, rows.size())) {
            for (Table.Cell cell : row.cells()) {
                if (cell.formula()) {
                    return Optional.of(formula(row, cell));
                }
                if (!placeColumns.contains(cell.column()) && looksLikeAName(cell.text())) {
                    return Optional.of(new Problem(row.number(), "column " + columnLetter(cell.column())
                            + " looks like a person's name. Identify children by their identifier only, and staff"
                            + " by job title"));
                }
            }
        }
        return Optional.empty();
    }

    private static Problem formula(Table.Row row, Table.Cell cell) {
        return new Problem(row.number(), "column " + columnLetter(cell.column()) + " holds a formula. A list of"
                + " children holds identifiers and facts only: remove the formula");
    }

    static boolean isIdentifier(String header) {
        List<String> words = words(header);
        if (words.isEmpty()) {
            return false;
        }
        String joined = String.join(" ", words);
        return IDENTIFIER_HEADERS.contains(joined)
                || (words.size() <= 3 && IDENTIFIER_ENDINGS.contains(words.get(words.size() - 1))
                && !namesAPerson(header));
    }

    static boolean namesAPerson(String header) {
        List<String> words = words(header);
        String joined = " " + String.join(" ", words) + " ";
        if (NAME_PHRASES.stream().anyMatch(phrase -> joined.contains(" " + phrase + " "))) {
            return true;
        }
        for (int i = 0; i < words.size(); i++) {
            if (NAME_WORDS.contains(words.get(i))) {
                boolean ofAPlace = i > 0 && NOT_A_PERSON.contains(words.get(i - 1));
                if (!ofAPlace) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "School name", "GP practice name": a column of names of places or bodies, whose values are not checked. */
    static boolean namesAPlace(String header) {
        List<String> words = words(header);
        int name = words.indexOf("name");
        return name > 0 && NOT_A_PERSON.contains(words.get(name - 1)) && !namesAPerson(header);
    }

    static boolean looksLikeAName(String value) {
        String[] words = value.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty() || words.length > 3) {
            return false;
        }
        if (COMMON_FORENAMES.contains(words[0].toLowerCase(Locale.ROOT))
                && NAME_WORD.matcher(capitalised(words[0])).matches()) {
            return true;
        }
        if (words.length < 2) {
            return false;
        }
        for (String word : words) {
            if (word.length() < 2 || !NAME_WORD.matcher(word).matches()
                    || VOCABULARY.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Lower-case words of letters and digits ("Child's name" → child s name → [childs, name]). */
    private static List<String> words(String text) {
        String simplified = text.toLowerCase(Locale.ROOT).replaceAll("['\u2019]", "").replaceAll("[^\\p{L}\\p{N}]+",
                " ").strip();
        List<String> words = new ArrayList<>();
        for (String word : simplified.split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static String columnLetter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
