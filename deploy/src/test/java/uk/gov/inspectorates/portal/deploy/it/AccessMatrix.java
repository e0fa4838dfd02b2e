package uk.gov.inspectorates.portal.deploy.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import uk.gov.inspectorates.portal.core.access.Action;

/**
 * An expected access table kept as data ({@code access-matrix/<kind>.csv}, legend in {@code access-matrix/README.md}):
 * one row per subject and resource state, one column per {@link Action}, each cell what the HTTP API must answer.
 * Loading checks that it is complete: every subject × state has a row, every action a cell, and no row names an
 * unknown subject, state or action; {@code N/A} only where the kind's routes say the action does not apply to the
 * state, and nowhere else.
 */
final class AccessMatrix {

    /** What a cell expects, and what an answer is classified as. */
    enum Outcome {
        /** 2xx: allowed */
        PERMIT,
        /** 403 problem+json naming the rule: signed in, may know the resource, not allowed */
        DENY_403,
        /** 404 problem+json: may not know the resource exists (or it does not) */
        DENY_404,
        /** LIST: the resource is in the caller's list */
        LISTED,
        /** LIST: the resource is not in the caller's list */
        NOT_LISTED,
        /** 303 to the published version: the pre-publication copy is no longer served; nothing refused audited */
        SEE_OTHER_303,
        /** 409 problem+json: allowed, but not in this state (e.g. publishing a withdrawn report); refusal audited */
        CONFLICT_409,
        /** the action has no HTTP route yet: 404 or 405 for everyone, nothing audited */
        NO_ROUTE,
        /** the action means nothing for this state (e.g. UPLOAD of an existing report) */
        NOT_APPLICABLE;

        static Outcome parse(String cell) {
            return "N/A".equals(cell) ? NOT_APPLICABLE : valueOf(cell);
        }

        String cell() {
            return this == NOT_APPLICABLE ? "N/A" : name();
        }

        boolean grants() {
            return this == PERMIT || this == LISTED;
        }
    }

    record Cell(String subject, String state, Action action, Outcome expected) {
    }

    private final String kind;
    private final List<Cell> cells;

    private AccessMatrix(String kind, List<Cell> cells) {
        this.kind = kind;
        this.cells = List.copyOf(cells);
    }

    String kind() {
        return kind;
    }

    List<Cell> cells() {
        return cells;
    }

    /** Loads {@code access-matrix/<kind>.csv} from the test class path and checks it is complete. */
    static AccessMatrix load(String kind, List<String> subjects, List<String> states,
                             BiPredicate<Action, String> applies) {
        String resource = "access-matrix/" + kind + ".csv";
        try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no " + resource + " on the test class path");
            }
            return parse(kind, new String(in.readAllBytes(), StandardCharsets.UTF_8), subjects, states, applies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the table; fails listing every gap and every unknown name at once. */
    static AccessMatrix parse(String kind, String csv, List<String> subjects, List<String> states,
                              BiPredicate<Action, String> applies) {
        List<String> problems = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                rows.add(Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new));
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError(kind + ": the table is empty");
        }
        String[] header = rows.remove(0);
        Map<Integer, Action> columns = new LinkedHashMap<>();
        Set<Action> seenActions = EnumSet.noneOf(Action.class);
        if (header.length < 2 || !header[0].equals("subject") || !header[1].equals("state")) {
            problems.add("the header must start with subject,state");
        }
        for (int i = 2; i < header.length; i++) {
            try {
                Action action = Action.valueOf(header[i]);
                if (!seenActions.add(action)) {
                    problems.add("action column " + header[i] + " appears twice");
                }
                columns.put(i, action);
            } catch (IllegalArgumentException e) {
                problems.add("unknown action column " + header[i]);
            }
        }
        for (Action action : Action.values()) {
            if (!seenActions.contains(action)) {
                problems.add("no column for action " + action);
            }
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> seenRows = new LinkedHashSet<>();
        for (String[] row : rows) {
            String where = String.join(",", row);
            if (row.length != header.length) {
                problems.add("row has " + row.length + " cells, the header " + header.length + ": " + where);
                continue;
            }
            String subject = row[0];
            String state = row[1];
            if (!subjects.contains(subject)) {
                problems.add("unknown subject " + subject + ": " + where);
            }
            if (!states.contains(state)) {
                problems.add("unknown state " + state + ": " + where);
            }
            if (!seenRows.add(subject + " × " + state)) {
                problems.add("second row for " + subject + " × " + state);
            }
            Map<Action, Outcome> byAction = new EnumMap<>(Action.class);
            columns.forEach((index, action) -> {
                try {
                    Outcome expected = Outcome.parse(row[index]);
                    byAction.put(action, expected);
                    cells.add(new Cell(subject, state, action, expected));
                } catch (IllegalArgumentException e) {
                    problems.add("unknown expectation '" + row[index] + "' for " + subject + " × " + state + " × "
                            + action);
                }
            });
            byAction.forEach((action, expected) -> {
                if (!states.contains(state)) {
                    return;
                }
                boolean applicable = applies.test(action, state);
                if (applicable && expected == Outcome.NOT_APPLICABLE) {
                    problems.add(subject + " × " + state + " × " + action + " is N/A, but the action applies to "
                            + state + ": give the expected answer");
                } else if (!applicable && expected != Outcome.NOT_APPLICABLE) {
                    problems.add(subject + " × " + state + " × " + action + " must be N/A: the action does not"
                            + " apply to " + state);
                }
                // DENY_404: a list under something the caller may not know exists (an inspection's referrals)
                if (action == Action.LIST && applicable && expected != Outcome.LISTED
                        && expected != Outcome.NOT_LISTED && expected != Outcome.DENY_403
                        && expected != Outcome.DENY_404 && expected != Outcome.NO_ROUTE) {
                    problems.add(subject + " × " + state + " × LIST must be LISTED, NOT_LISTED, DENY_403 or DENY_404"
                            + " (a list under a parent the caller may not know exists)");
                }
                if (action != Action.LIST && (expected == Outcome.LISTED || expected == Outcome.NOT_LISTED)) {
                    problems.add(subject + " × " + state + " × " + action + ": LISTED/NOT_LISTED are for LIST");
                }
            });
        }
        for (String subject : subjects) {
            for (String state : states) {
                if (!seenRows.contains(subject + " × " + state)) {
                    problems.add("no row for " + subject + " × " + state);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("access-matrix/" + kind + ".csv is not complete (" + problems.size()
                    + " problems):\n  " + String.join("\n  ", problems));
        }
        return new AccessMatrix(kind, cells);
    }
}
