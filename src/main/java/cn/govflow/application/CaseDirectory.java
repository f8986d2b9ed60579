package cn.govflow.application;

import cn.govflow.calendar.WorkdayCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases the intake recorded, for other features (e.g. the courier hand-off reads the delivery address).
 * Personal data stays here; process variables carry the case number only.
 */
@Service
public class CaseDirectory {

    private final CaseRepository cases;

    CaseDirectory(CaseRepository cases) {
        this.cases = cases;
    }

    @Transactional(readOnly = true)
    public Optional<CaseRecord> find(String caseNumber) {
        return caseNumber == null ? Optional.empty() : cases.find(caseNumber);
    }

    /** The cases the window of {@code district} received on {@code day} (Shanghai time), oldest first. */
    @Transactional(readOnly = true)
    public List<CaseRecord> receivedAtWindow(String district, LocalDate day) {
        return cases.findWindowReceipts(
                district,
                day.atStartOfDay(WorkdayCalendar.ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(WorkdayCalendar.ZONE).toInstant());
    }
}
