package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocuments;
import uk.gov.inspectorates.portal.web.content.DocumentResponses;

/** Evidence documents by id: their details, and their original bytes streamed (never stamped). */
@Path("documents")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceDocumentsResource {

    @Inject
    EvidenceDocuments documents;

    @Inject
    CurrentSubject current;

    @GET
    @Path("{id}")
    public JtaiViews.DocumentView view(@PathParam("id") String id) {
        return JtaiViews.DocumentView.of(documents.view(current.get(), id));
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id) {
        return DocumentResponses.attachment(documents.download(current.get(), id));
    }
}
