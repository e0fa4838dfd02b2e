package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.calendar.BankHolidays;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/** The working-day calendar over the bank holiday list shipped with the portal (docs/adr/0020). */
@ApplicationScoped
public class CalendarWiring {

    private static final Logger LOG = Logger.getLogger(CalendarWiring.class.getName());
    private static final int UPDATE_WARNING_MONTHS = 9;

    @Produces
    @Singleton
    BankHolidays bankHolidays() {
        GovUkBankHolidays list = GovUkBankHolidays.shipped();
        LOG.info(() -> "Bank holidays of England and Wales known from " + list.firstCovered() + " to "
                + list.lastCovered() + " (" + list.source() + ")");
        return list;
    }

    /**
     * Reads the list when the portal starts, so that a list that does not hold together stops the deployment, and
     * warns while there is still time to update it: a JTAI timeline reaches about five months past notification.
     */
    void checkAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started, BankHolidays bankHolidays,
                        Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.UK));
        if (bankHolidays.lastCovered().isBefore(today.plusMonths(UPDATE_WARNING_MONTHS))) {
            LOG.warning(() -> "The bank holiday list ends on " + bankHolidays.lastCovered() + ": update it now "
                    + "(scripts/update-bank-holidays, docs/using-the-portal.md, \"Working days and bank holidays\"); inspections whose "
                    + "timeline runs past that date cannot be opened");
        }
    }

    @Produces
    @Singleton
    WorkingDayCalendar workingDayCalendar(BankHolidays bankHolidays) {
        return new WorkingDayCalendar(bankHolidays);
    }
}
