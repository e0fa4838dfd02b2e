package uk.gov.inspectorates.portal.core.accountability;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import uk.gov.inspectorates.portal.core.audit.AuditActivity;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.Count;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.Period;

/**
 * Access to one report or inspection over time, as a SIRO's chart shows it: one bar a period (every period from the
 * first event to the last, empty ones too), its successful events split by the actor's organisation, and the
 * refusals (denied or refused) counted apart so they can be drawn apart; and the same figures as table rows (period,
 * organisation, action, succeeded, refused) for those who cannot see the chart.
 */
public record AccessOverTime(String about, Period period, List<Party> parties, List<Bar> bars, List<Row> rows) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    public AccessOverTime {
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(period, "period");
        parties = List.copyOf(parties);
        bars = List.copyOf(bars);
        rows = List.copyOf(rows);
    }

    /** An organisation whose people acted, by name (its id when the directory does not know it). */
    public record Party(String id, String name) {
    }

    /**
     * One period: its start and label, the successful events of each party (in the order of {@link #parties}), the
     * refusals, and what was refused (e.g. "2 REPORT_DOWNLOAD by Care Quality Commission").
     */
    public record Bar(Instant start, String label, List<Long> succeededByParty, long refused, List<String> refusals) {
        public Bar {
            succeededByParty = List.copyOf(succeededByParty);
            refusals = List.copyOf(refusals);
        }

        public long succeeded() {
            return succeededByParty.stream().mapToLong(Long::longValue).sum();
        }

        public long total() {
            return succeeded() + refused;
        }
    }

    /** A line of the table: one period, organisation and action. */
    public record Row(String period, String organisation, String action, long succeeded, long refused) {
    }

    public long totalEvents() {
        return bars.stream().mapToLong(Bar::total).sum();
    }

    public long totalRefused() {
        return bars.stream().mapToLong(Bar::refused).sum();
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    public long highestBar() {
        return bars.stream().mapToLong(Bar::total).max().orElse(0);
    }

    /** The periods' label format, for a reader of the table. */
    public String periodName() {
        return period == Period.HOUR ? "hour" : "day";
    }

    /**
     * Builds the chart from the port's counts. {@code names} gives an organisation's name from its id (null for an
     * actor without one, e.g. an unknown user signing in).
     */
    public static AccessOverTime of(String about, Period period, List<Count> counts,
                                    Function<String, String> names) {
        Map<String, Party> parties = new TreeMap<>();
        Map<String, String> nameOf = new HashMap<>();
        for (Count count : counts) {
            String id = count.organisationId() == null ? "" : count.organisationId();
            nameOf.computeIfAbsent(id, key -> key.isEmpty() ? "No organisation" : nameOrId(names, key));
            parties.putIfAbsent(id, new Party(id, nameOf.get(id)));
        }
        List<Party> ordered = parties.values().stream()
                .sorted(Comparator.comparing(Party::name).thenComparing(Party::id)).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            index.put(ordered.get(i).id(), i);
        }

        Map<Instant, List<Count>> byPeriod = new TreeMap<>();
        counts.forEach(count -> byPeriod.computeIfAbsent(period.start(count.start()), key -> new ArrayList<>())
                .add(count));
        List<Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (!byPeriod.isEmpty()) {
            Instant last = ((TreeMap<Instant, List<Count>>) byPeriod).lastKey();
            for (Instant start = ((TreeMap<Instant, List<Count>>) byPeriod).firstKey(); !start.isAfter(last);
                 start = period.next(start)) {
                List<Count> inPeriod = byPeriod.getOrDefault(start, List.of());
                String label = label(period, start);
                long[] succeeded = new long[ordered.size()];
                long refused = 0;
                Map<String, Long> refusals = new TreeMap<>();
                Map<List<String>, long[]> lines = new LinkedHashMap<>();
                for (Count count : inPeriod.stream().sorted(Comparator
                        .comparing((Count c) -> nameOf.get(key(c))).thenComparing(Count::action)).toList()) {
                    int party = index.get(key(count));
                    long[] line = lines.computeIfAbsent(List.of(nameOf.get(key(count)), count.action()),
                            k -> new long[2]);
                    if (count.refused()) {
                        refused += count.events();
                        line[1] += count.events();
                        refusals.merge(count.action() + " by " + nameOf.get(key(count)), count.events(), Long::sum);
                    } else {
                        succeeded[party] += count.events();
                        line[0] += count.events();
                    }
                }
                List<Long> perParty = new ArrayList<>();
                for (long n : succeeded) {
                    perParty.add(n);
                }
                bars.add(new Bar(start, label, perParty, refused, refusals.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).toList()));
                lines.forEach((k, v) -> rows.add(new Row(label, k.get(0), k.get(1), v[0], v[1])));
            }
        }
        return new AccessOverTime(about, period, ordered, bars, rows);
    }

    private static String key(Count count) {
        return count.organisationId() == null ? "" : count.organisationId();
    }

    private static String nameOrId(Function<String, String> names, String id) {
        String name = names.apply(id);
        return name == null || name.isBlank() ? id : name;
    }

    static String label(Period period, Instant start) {
        return (period == Period.HOUR ? HOUR : DAY).format(start.atZone(AuditActivity.UK));
    }
}
