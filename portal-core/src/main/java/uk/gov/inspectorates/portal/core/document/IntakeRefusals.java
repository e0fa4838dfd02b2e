package uk.gov.inspectorates.portal.core.document;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs an intake and reports why it refused a file (the rejection's audit detail, "scanning unavailable" or "storage
 * failure") before the refusal goes on to the caller, so that every upload path audits its refusals alike.
 */
public final class IntakeRefusals {

    private IntakeRefusals() {
    }

    /** @param refused records the refusal's detail (e.g. through the policy gate's record) */
    public static AcceptedDocument audited(Supplier<AcceptedDocument> intake, Consumer<String> refused) {
        try {
            return intake.get();
        } catch (UploadRejected rejected) {
            refused.accept(rejected.auditDetail());
            throw rejected;
        } catch (ScanningUnavailable unavailable) {
            refused.accept("scanning unavailable");
            throw unavailable;
        } catch (RuntimeException failure) {
            refused.accept("storage failure");
            throw failure;
        }
    }
}
