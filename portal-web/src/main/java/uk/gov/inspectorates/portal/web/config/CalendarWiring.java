package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.calendar.BankHolidays;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/** The working-day calendar over the bank holiday list shipped with the portal (docs/adr/0020). */
@ApplicationScoped
public class CalendarWiring {

    private static final Logger LOG = Logger.getLogger(CalendarWiring.class.getName());

    @Produces
    @Singleton
    BankHolidays bankHolidays() {
        GovUkBankHolidays list = GovUkBankHolidays.shipped();
        LOG.info(() -> "Bank holidays of England and Wales known from " + list.firstCovered() + " to "
                + list.lastCovered() + " (" + list.source() + ")");
        return list;
    }

    /** Reads the list when the portal starts, so that a list that does not hold together stops the deployment. */
    void checkAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started, BankHolidays bankHolidays) {
        bankHolidays.lastCovered();
    }

    @Produces
    @Singleton
    WorkingDayCalendar workingDayCalendar(BankHolidays bankHolidays) {
        return new WorkingDayCalendar(bankHolidays);
    }
}
