package cn.govflow.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * The intake as the benchmark calls it (cn.govflow.bench): a request given as a map, started by
 * {@link IntakeService} in-process for the caller, exactly as {@code POST /api/applications} would after
 * parsing. Test sources only.
 */
public final class BenchIntake {

    private final IntakeService intake;
    private final ObjectMapper json;

    public BenchIntake(IntakeService intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    public static Class<?> serviceType() {
        return IntakeService.class;
    }

    public static BenchIntake of(Object intakeService, ObjectMapper json) {
        return new BenchIntake((IntakeService) intakeService, json);
    }

    /** Starts the case and returns its case number. */
    public String start(Map<String, Object> request, String user, List<String> groups) {
        ApplicationRequest parsed = json.convertValue(request, ApplicationRequest.class);
        return intake.start(parsed, new Caller(user, groups), null).record().caseNumber();
    }
}
