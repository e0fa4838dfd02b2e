package uk.gov.inspectorates.portal.core.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * A search of the trail as a person asks for it, in the parameters the API, the audit page and the exports share
 * ({@link #PARAMETERS}): checked all at once into an {@link AuditQuery}, or refused with every failing field. A date
 * without a time is a whole day in UK time: {@code from} from its start, {@code to} up to its end; a time is ISO-8601
 * ({@code 2030-01-10T10:00:00Z}).
 */
public record AuditCriteria(AuditQuery query) {

    public static final List<String> PARAMETERS = List.of("person", "organisation", "report", "inspection", "action",
            "outcome", "from", "to", "downloadId", "page", "pageSize");
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** Deep paging reads and drops every earlier page: past this, narrow the search. */
    public static final int MAX_PAGE = 10_000;
    static final ZoneId UK = ZoneId.of("Europe/London");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@:/-]{1,200}");
    private static final Pattern DOWNLOAD_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Set<String> ACTIONS = knownActions();

    /** The criteria given (a missing or blank parameter is no criterion), or {@link InvalidInput} naming each field. */
    public static AuditCriteria parse(Function<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        String person = id(parameters, "person", errors);
        String organisation = id(parameters, "organisation", errors);
        String report = id(parameters, "report", errors);
        String inspection = id(parameters, "inspection", errors);
        String action = given(parameters, "action");
        if (action != null) {
            action = action.toUpperCase(Locale.ROOT);
            if (!ACTIONS.contains(action)) {
                errors.add(new FieldError("action", "Choose an action the trail records"));
            }
        }
        AuditEvent.Outcome outcome = null;
        String outcomeText = given(parameters, "outcome");
        if (outcomeText != null) {
            try {
                outcome = AuditEvent.Outcome.valueOf(outcomeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("outcome", "Outcome must be succeeded, refused or denied"));
            }
        }
        Instant from = time(parameters, "from", false, errors);
        Instant to = time(parameters, "to", true, errors);
        checkPeriod(from, to, errors);
        String downloadId = given(parameters, "downloadId");
        if (downloadId != null) {
            downloadId = downloadId.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
            if (!DOWNLOAD_ID.matcher(downloadId).matches()) {
                errors.add(new FieldError("downloadId", "A download id is 32 letters a to f and digits, as printed on"
                        + " the stamped page"));
            }
        }
        int page = number(parameters, "page", 1, 1, MAX_PAGE, errors);
        int pageSize = number(parameters, "pageSize", DEFAULT_PAGE_SIZE, 1, AuditQuery.MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new AuditCriteria(new AuditQuery(person, organisation, report, inspection, action, outcome, from, to,
                downloadId, page, pageSize));
    }

    /** Every action the trail records, sorted (for the audit page's choice of action). */
    public static List<String> actions() {
        return ACTIONS.stream().sorted().toList();
    }

    /**
     * The same search as it stood at {@code now}: the trail grows newest first (each search is an event itself), so
     * the links to further pages end the period there, and a page does not show again what the last one showed.
     */
    public AuditCriteria asOf(Instant now) {
        if (query.to() != null && !now.isBefore(query.to())) {
            return this;
        }
        return new AuditCriteria(new AuditQuery(query.actorId(), query.organisationId(), query.reportId(),
                query.inspectionId(), query.action(), query.outcome(), query.from(), now, query.downloadId(),
                query.page(), query.pageSize()));
    }

    /** The criteria given, by parameter name, in {@link #PARAMETERS}' order (times as ISO-8601 instants). */
    public Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "person", query.actorId());
        put(given, "organisation", query.organisationId());
        put(given, "report", query.reportId());
        put(given, "inspection", query.inspectionId());
        put(given, "action", query.action());
        put(given, "outcome", query.outcome() == null ? null : query.outcome().name());
        put(given, "from", query.from() == null ? null : query.from().toString());
        put(given, "to", query.to() == null ? null : query.to().toString());
        put(given, "downloadId", query.downloadId());
        return given;
    }

    /** The criteria as a query string (without page), for links to the exports and the chart of the same search. */
    public String queryString() {
        return given().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The same search at another page. */
    public String queryString(int page) {
        String criteria = queryString();
        return (criteria.isEmpty() ? "" : criteria + "&") + "page=" + page + "&pageSize=" + query.pageSize();
    }

    /** What the audit event of a search says: the criteria, never what was found. */
    public String describe() {
        String criteria = given().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
        return (criteria.isEmpty() ? "everything in scope" : criteria) + " page=" + query.page() + " pageSize="
                + query.pageSize();
    }

    private static void put(Map<String, String> given, String name, String value) {
        if (value != null) {
            given.put(name, value);
        }
    }

    private static String given(Function<String, String> parameters, String name) {
        String value = parameters.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The end of a period after its start (the search's and the chart's {@code from} and {@code to}). */
    public static void checkPeriod(Instant from, Instant to, List<FieldError> errors) {
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "The end of the period must be after its start"));
        }
    }

    /** An id parameter, checked for shape only (the search's and the chart's report and inspection). */
    public static String id(Function<String, String> parameters, String name, List<FieldError> errors) {
        String value = given(parameters, name);
        if (value != null && !ID.matcher(value).matches()) {
            errors.add(new FieldError(name, "Enter an id of up to 200 letters, digits and . _ @ : / -"));
        }
        return value;
    }

    /**
     * A time parameter: an instant, or a date meaning the start of that UK day ({@code endOfDay}: the start of the
     * next, so that a {@code to} date includes its day).
     */
    public static Instant time(Function<String, String> parameters, String name, boolean endOfDay,
                               List<FieldError> errors) {
        String value = given(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(UK).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "Enter a date as 2030-01-31, or a time as 2030-01-31T09:30:00Z"));
            return null;
        }
    }

    private static int number(Function<String, String> parameters, String name, int otherwise, int min, int max,
                              List<FieldError> errors) {
        String value = given(parameters, name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        errors.add(new FieldError(name, ("page".equals(name) ? "Page" : "Page size") + " must be a whole number from "
                + min + " to " + max));
        return otherwise;
    }

    private static Set<String> knownActions() {
        return Arrays.stream(AuditActions.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(AuditCriteria::value).collect(Collectors.toUnmodifiableSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
