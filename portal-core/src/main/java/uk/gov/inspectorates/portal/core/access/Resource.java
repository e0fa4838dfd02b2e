package uk.gov.inspectorates.portal.core.access;

import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * What the policy needs to know about a thing being accessed, without knowing the thing itself: its kind, its
 * originating inspectorate, the parties it is addressed to, where it is in its life (a report under embargo,
 * published or withdrawn), the person it belongs to (a resumable upload is its uploader's alone), and the agency it
 * belongs to (a JTAI request, document or referral is its agency's and the participating inspectorates'), and the
 * agency staff named as recipients of the one kind of report that agency staff read under embargo (the user ids a JTAI
 * pre-publication findings letter is issued to: docs/adr/0025).
 */
public record Resource(Kind kind, String id, Inspectorate originator, Set<Inspectorate> addressees,
                       Lifecycle lifecycle, String ownerUserId, String agencyId, Set<String> agencyRecipients) {

    public enum Kind { REPORT, LETTER, UPLOAD, ORGANISATION, LOCAL_AUTHORITY_AREA, TEAM, USER_ACCOUNT, AGENCY_ACCOUNT,
        /** An inspectorate's list of the areas it plans to inspect in a term (its originator). */
        TERM_PLAN,
        /** A joint targeted area inspection (JTAI): its lead inspectorate is the originator, its participants the
         * addressees. */
        INSPECTION,
        /** An inspectorate's information request to one agency (agencyId) within an inspection. */
        INFORMATION_REQUEST,
        /** A document an agency (agencyId) uploaded against an information request. */
        EVIDENCE_DOCUMENT,
        /** An inspector's referral of a concern about a child to one agency (agencyId), JTAI Annex C. */
        REFERRAL,
        /** A JTAI findings letter before it is issued under embargo (drafts, sign-offs, factual accuracy check). */
        FINDINGS_LETTER,
        /** Retention policies, legal holds, the dry run and the removal runs (administrators). */
        RETENTION,
        /** The signed certificate of an inspection's removal. */
        REMOVAL_CERTIFICATE,
        // JTAI Annex D (issue 17, helper-annexd)
        /** A challenge or complaint about an inspection: its lead inspectorate, participants and area (Annex D). */
        CHALLENGE,
        /** The audit trail as one inspectorate's SIRO sees it (issue 18): its originator is that inspectorate. */
        AUDIT_TRAIL }

    /**
     * A thing's stage at the moment of the decision: a report's (under embargo, published, withdrawn) or a referral of
     * concern's (whose turn it is: JTAI Annex C, docs/adr/0022); {@code NONE} for things without one.
     */
    public enum Lifecycle { UNDER_EMBARGO, PUBLISHED, WITHDRAWN, NONE,
        /** A referral waits for the agency referred to to record its response. */
        AWAITING_AGENCY_RESPONSE,
        /** A referral's response is in; the referring inspector records their evaluation of it. */
        AWAITING_EVALUATION,
        /** Evaluated; the agency's chief officer signs the referral off. */
        AWAITING_CHIEF_OFFICER_SIGN_OFF,
        /** Signed off by the agency; the inspection's lead inspector signs it off, which completes it. */
        AWAITING_LEAD_INSPECTOR_SIGN_OFF,
        /** Signed off by both sides: the referral is complete and changes no more. */
        SIGNED_OFF }

    public Resource {
        Objects.requireNonNull(kind, "kind");
        if (id != null && kind != Kind.UPLOAD) {
            Objects.requireNonNull(originator, "originator");
        }
        if (kind == Kind.UPLOAD) {
            Objects.requireNonNull(ownerUserId, "ownerUserId");
        }
        Objects.requireNonNull(lifecycle, "lifecycle");
        addressees = Set.copyOf(addressees);
        agencyRecipients = agencyRecipients == null ? Set.of() : Set.copyOf(agencyRecipients);
    }

    /** A resource with no named agency recipients (everything but a JTAI findings letter issued under embargo). */
    public Resource(Kind kind, String id, Inspectorate originator, Set<Inspectorate> addressees, Lifecycle lifecycle,
                    String ownerUserId, String agencyId) {
        this(kind, id, originator, addressees, lifecycle, ownerUserId, agencyId, Set.of());
    }

    /** A resource that belongs to no agency. */
    public Resource(Kind kind, String id, Inspectorate originator, Set<Inspectorate> addressees, Lifecycle lifecycle,
                    String ownerUserId) {
        this(kind, id, originator, addressees, lifecycle, ownerUserId, null);
    }

    /** A resource that belongs to an organisation rather than to one person. */
    public Resource(Kind kind, String id, Inspectorate originator, Set<Inspectorate> addressees,
                    boolean underEmbargo) {
        this(kind, id, originator, addressees, underEmbargo ? Lifecycle.UNDER_EMBARGO : Lifecycle.NONE, null);
    }

    /** The audit trail as the inspectorate's SIRO reads it (search, chart, verification, exports). */
    public static Resource auditTrailOf(Inspectorate inspectorate) {
        return new Resource(Kind.AUDIT_TRAIL, "audit-trail/" + inspectorate.name(), inspectorate, Set.of(),
                Lifecycle.NONE, null);
    }

    public boolean underEmbargo() {
        return lifecycle == Lifecycle.UNDER_EMBARGO;
    }

    /** A report not yet shared: the originator is the inspectorate that would share it (none for an agency). */
    public static Resource newReport(Inspectorate originator) {
        return new Resource(Kind.REPORT, null, originator, Set.of(), true);
    }

    /**
     * A covering or advance letter of a report: the report's originator and stage, addressed to the parties the
     * letter names (a subset of the report's addressees).
     */
    public static Resource letter(String id, Inspectorate originator, Set<Inspectorate> addressedTo,
                                  Lifecycle reportLifecycle) {
        return new Resource(Kind.LETTER, id, originator, addressedTo, reportLifecycle, null);
    }

    /**
     * An evidence document not yet uploaded, as its uploader's organisation would hold it (the inspection and request
     * are not known before the upload is used).
     */
    public static Resource newEvidenceDocument(String uploaderOrganisationId) {
        return new Resource(Kind.EVIDENCE_DOCUMENT, null, null, Set.of(), Lifecycle.NONE, null,
                uploaderOrganisationId);
    }

    /**
     * A referral of concern not yet raised, within an inspection led by {@code leadInspectorate} with the
     * {@code participants}, to the agency {@code agencyId}.
     */
    public static Resource newReferral(Inspectorate leadInspectorate, Set<Inspectorate> participants,
                                       String agencyId) {
        return new Resource(Kind.REFERRAL, null, leadInspectorate, participants, Lifecycle.NONE, null, agencyId);
    }

    /**
     * A referral of concern (JTAI Annex C) at its stage: the inspection's lead inspectorate is the originator, its
     * participating inspectorates the addressees, the agency referred to the agency; {@code personToAct} is the one
     * person whose turn it is when the stage names one (the referring inspector to evaluate, the inspection's lead
     * inspector to sign off), else null.
     */
    public static Resource referral(String id, Inspectorate leadInspectorate, Set<Inspectorate> participants,
                                    String agencyId, Lifecycle stage, String personToAct) {
        return new Resource(Kind.REFERRAL, Objects.requireNonNull(id, "id"), leadInspectorate, participants, stage,
                personToAct, Objects.requireNonNull(agencyId, "agencyId"));
    }

    /**
     * A joint targeted area inspection (id null: one about to be opened): its lead inspectorate, its participating
     * inspectorates, and the local authority area it inspects (carried as {@code agencyId}: an inspection belongs to
     * the agencies of its area).
     */
    public static Resource inspection(String id, Inspectorate lead, Set<Inspectorate> participants,
                                      String localAuthorityAreaId) {
        return new Resource(Kind.INSPECTION, id, lead, participants, Lifecycle.NONE, null, localAuthorityAreaId);
    }

    /**
     * An information request (id null: one about to be made) by an inspectorate, within an inspection with those
     * participants, to one agency.
     */
    public static Resource informationRequest(String id, Inspectorate requestedBy, Set<Inspectorate> participants,
                                              String agencyId) {
        return new Resource(Kind.INFORMATION_REQUEST, id, requestedBy, participants, Lifecycle.NONE, null, agencyId);
    }

    /**
     * An evidence document (id null: one about to be uploaded) of an agency, against a request of that inspectorate,
     * within an inspection with those participants.
     */
    public static Resource evidenceDocument(String id, Inspectorate requestedBy, Set<Inspectorate> participants,
                                            String agencyId) {
        return new Resource(Kind.EVIDENCE_DOCUMENT, id, requestedBy, participants, Lifecycle.NONE, null, agencyId);
    }

    /**
     * A challenge or complaint about an inspection (id null: one about to be recorded): the inspection's lead
     * inspectorate (which coordinates the response), its participants and its local authority area.
     */
    public static Resource challenge(String id, Inspectorate lead, Set<Inspectorate> participants,
                                     String localAuthorityAreaId) {
        return new Resource(Kind.CHALLENGE, id, lead, participants, Lifecycle.NONE, null, localAuthorityAreaId);
    }

    // findings letter (helper-findings, docs/adr/0025)
    /**
     * A JTAI findings letter before issue, or one of its documents: the inspection's lead inspectorate (originator)
     * and participants (addressees); {@code dcsUserId} the director of children's services who may read it (the
     * draft sent to them for the factual accuracy check, and their comments), null when it is not for the DCS;
     * {@code agencyId} the DCS's agency for the partnership's comments (which belong to it), null for the letter.
     */
    public static Resource findingsLetter(String inspectionId, Inspectorate lead, Set<Inspectorate> participants,
                                          String dcsUserId, String agencyId) {
        return new Resource(Kind.FINDINGS_LETTER, inspectionId, lead, participants, Lifecycle.NONE, dcsUserId,
                agencyId);
    }

    /** A resumable upload in progress: only the person who started it may touch it. */
    public static Resource upload(String id, String ownerUserId) {
        return new Resource(Kind.UPLOAD, id, null, Set.of(), Lifecycle.NONE, ownerUserId);
    }

    /** The accounts of one agency (its id); the originator is the inspectorate that inspects it. */
    public static Resource agencyAccounts(uk.gov.inspectorates.portal.core.organisation.Organisation agency) {
        return new Resource(Kind.AGENCY_ACCOUNT, agency.id(), agency.agencyType().inspectedBy(), Set.of(), false);
    }
}
