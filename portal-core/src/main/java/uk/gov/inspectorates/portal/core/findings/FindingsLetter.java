package uk.gov.inspectorates.portal.core.findings;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * The findings letter of one inspection as recorded so far: its documents, sign-offs, accuracy check and issue. Its
 * stage follows from them; nothing else is stored about it.
 */
public record FindingsLetter(String inspectionId, List<FindingsDocument> documents, List<SignOff> signOffs,
                             AccuracyCheck accuracyCheck, FindingsLetterIssue issue) {

    public FindingsLetter {
        Objects.requireNonNull(inspectionId, "inspectionId");
        documents = documents.stream().sorted(Comparator.comparing(FindingsDocument::uploadedAt)
                .thenComparingInt(FindingsDocument::version)).toList();
        signOffs = List.copyOf(signOffs);
    }

    public static FindingsLetter empty(String inspectionId) {
        return new FindingsLetter(inspectionId, List.of(), List.of(), null, null);
    }

    /** The versions of the letter, oldest first. */
    public List<FindingsDocument> versions() {
        return documents.stream().filter(d -> d.kind() == FindingsDocument.Kind.LETTER)
                .sorted(Comparator.comparingInt(FindingsDocument::version)).toList();
    }

    public Optional<FindingsDocument> latest() {
        List<FindingsDocument> versions = versions();
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Optional<FindingsDocument> version(int number) {
        return versions().stream().filter(d -> d.version() == number).findFirst();
    }

    public Optional<FindingsDocument> comments() {
        return documents.stream().filter(d -> d.kind() == FindingsDocument.Kind.COMMENTS).findFirst();
    }

    public Optional<AccuracyCheck> check() {
        return Optional.ofNullable(accuracyCheck);
    }

    public Optional<FindingsLetterIssue> issued() {
        return Optional.ofNullable(issue);
    }

    public int nextVersion() {
        return latest().map(FindingsDocument::version).orElse(0) + 1;
    }

    /** The inspectorates that have signed off the given version. */
    public Set<Inspectorate> signedOff(int version) {
        return signOffs.stream().filter(s -> s.version() == version).map(SignOff::inspectorate)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Inspectorate.class)));
    }

    /** The participants other than the lead that have not yet signed off the latest version. */
    public Set<Inspectorate> awaitingSignOff(Set<Inspectorate> participants, Inspectorate lead) {
        Set<Inspectorate> awaiting = EnumSet.noneOf(Inspectorate.class);
        awaiting.addAll(participants);
        awaiting.remove(lead);
        latest().ifPresent(v -> awaiting.removeAll(signedOff(v.version())));
        return awaiting;
    }

    /** Whether the latest version is a revision made after the draft was sent to the DCS. */
    public boolean revised() {
        return accuracyCheck != null && latest().filter(v -> v.version() > accuracyCheck.version()).isPresent();
    }

    /**
     * The stage at {@code now}, for an inspection with those participants and lead: the comments' due time passing
     * without comments moves the letter on as comments would (the DCS has ten working days: the timeline does not
     * wait).
     */
    public FindingsLetterStage stageAt(Instant now, Set<Inspectorate> participants, Inspectorate lead) {
        if (issue != null) {
            return FindingsLetterStage.ISSUED;
        }
        if (latest().isEmpty()) {
            return FindingsLetterStage.NOT_STARTED;
        }
        boolean allSigned = awaitingSignOff(participants, lead).isEmpty();
        if (accuracyCheck == null) {
            return allSigned ? FindingsLetterStage.SIGNED_OFF : FindingsLetterStage.AWAITING_SIGN_OFF;
        }
        if (revised()) {
            return allSigned ? FindingsLetterStage.AGREED : FindingsLetterStage.AWAITING_AGREEMENT;
        }
        return comments().isPresent() || now.isAfter(accuracyCheck.dueAt())
                ? FindingsLetterStage.AWAITING_REVISION : FindingsLetterStage.WITH_DCS;
    }
}
