package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import uk.gov.inspectorates.portal.core.letter.LetterService;

/** Every letter the caller may see: of every report (with its {@code reportId}) and sent ahead of one (without). */
@Path("letters")
@Produces(MediaType.APPLICATION_JSON)
public class AllLettersResource {

    @Inject
    LetterService letters;

    @Inject
    CurrentSubject current;

    @GET
    public List<LettersResource.LetterView> list() {
        return letters.visibleTo(current.get()).stream().map(LettersResource.LetterView::of).toList();
    }
}
