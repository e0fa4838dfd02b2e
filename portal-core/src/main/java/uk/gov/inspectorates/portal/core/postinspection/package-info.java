/**
 * The time after a JTAI findings letter is published (JTAI §96-99, timeline "Post inspection", Annex D): the
 * statement of proposed action the letter asks of a named agency, reviewed by the lead inspector, and the challenges
 * and complaints about the inspection with their acknowledgement and response deadlines (docs/adr/0026). Counts from
 * the publication that {@link uk.gov.inspectorates.portal.core.inspection.FindingsPublication} reports.
 */
package uk.gov.inspectorates.portal.core.postinspection;
