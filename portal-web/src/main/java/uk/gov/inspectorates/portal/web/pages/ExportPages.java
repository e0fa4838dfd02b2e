package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionClosures;
import uk.gov.inspectorates.portal.core.inspection.InspectionExports;
import uk.gov.inspectorates.portal.web.api.JtaiNames;

/**
 * The end of an inspection on the pages (docs/adr/0028): the closure and exports shown on the inspection's page, the
 * button that closes it, and the export page listing what each inspectorate will get with a download button (a plain
 * link: the browser shows the download's progress, its length being known). Reached through {@link InspectionPages}.
 */
@ApplicationScoped
public class ExportPages {

    @Inject
    InspectionClosures closures;

    @Inject
    InspectionExports exports;

    @Inject
    JtaiNames names;

    @Inject
    PageRenderer pages;

    /** What the inspection's page shows of its end (the {@code inspection-end} partial), for the subject. */
    Map<String, Object> endOf(Subject subject, Inspection inspection) {
        Map<String, Object> end = new HashMap<>();
        Optional<InspectionClosures.End> closed = closures.endOf(subject, inspection);
        end.put("id", inspection.id());
        end.put("mayClose", closures.mayClose(subject, inspection));
        closed.ifPresent(e -> {
            end.put("closedBy", e.closedByName());
            end.put("closedAt", ReferralPages.when(e.closure().closedAt()));
            end.put("windowEnds", ReferralPages.when(e.exportWindowEndsAt()));
        });
        end.put("closed", closed.isPresent());
        List<InspectionExports.NamedExport> done = exports.exportsSeenBy(subject, inspection);
        end.put("mayViewExports", exports.maySeeExports(subject, inspection));
        end.put("exports", done.stream().map(this::exportRow).toList());
        end.put("hasExports", !done.isEmpty());
        return end;
    }

    /** POST {@code /inspections/{id}/closure}: closes it, then back to its page. */
    void close(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId)
            throws IOException {
        closures.close(subject, inspectionId);
        response.sendRedirect("/inspections/" + inspectionId + "?closed=1");
    }

    /** GET {@code /inspections/{id}/exports}. */
    void page(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId)
            throws IOException {
        InspectionExports.Overview overview = exports.overview(subject, inspectionId);
        List<Map<String, Object>> shares = new ArrayList<>();
        for (InspectionExports.Share share : overview.shares()) {
            Map<String, Object> row = new HashMap<>();
            row.put("inspectorate", share.inspectorate().title());
            row.put("code", share.inspectorate().name());
            row.put("slug", share.inspectorate().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            row.put("documents", share.documents());
            row.put("documentBytes", size(share.documentBytes()));
            row.put("archiveBytes", share.archiveBytes() == null ? null : size(share.archiveBytes()));
            row.put("mayDownload", overview.closed() && share.mayExport());
            row.put("href", "/api/v1/inspections/" + inspectionId + "/exports/" + share.inspectorate().name());
            row.put("done", !share.exports().isEmpty());
            row.put("exports", share.exports().stream().map(this::exportRow).toList());
            shares.add(row);
        }
        pages.render(response, 200, "inspection-exports", PageModel.forRequest(request,
                        "Exports: " + names.inspection(overview.inspection()))
                .with("marking", ReferralPages.MARKING)
                .with("inspectionId", inspectionId)
                .with("name", names.inspection(overview.inspection()))
                .with("closed", overview.closed())
                .with("shares", shares)
                .asMap());
    }

    private Map<String, Object> exportRow(InspectionExports.NamedExport named) {
        ExportRecord record = named.record();
        return Map.of("inspectorate", record.inspectorate().title(), "by", named.exportedByName(),
                "at", ReferralPages.when(record.exportedAt()), "documents", record.documents(),
                "bytes", size(record.bytes()), "sha256", record.sha256() == null ? "" : record.sha256());
    }

    /** Bytes for people: exact below 1 KiB, else one decimal in KiB, MiB or GiB, with the exact count. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.UK, "%.1f %s (%,d bytes)", value, units[unit], bytes);
    }
}
