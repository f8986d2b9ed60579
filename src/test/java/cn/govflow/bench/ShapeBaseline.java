package cn.govflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shape-equivalent baseline of issue 22: per mode, a model in {@code src/test/resources/bench/} with the user
 * tasks, candidate groups (the same expressions), due and follow-up dates, timers and async points of the path the
 * benchmark drives through govflow's model, and delegates that do nothing ({@link NoOpDelegate}). It is started
 * with as many process variables as govflow's own cases of that mode have, counted in the same run, so that it stays
 * equivalent when govflow's variables change. govflow ÷ this baseline is what govflow's own code costs.
 */
final class ShapeBaseline {

    private ShapeBaseline() {}

    static String key(String mode) {
        return "BenchShape_" + mode;
    }

    static String resource(String mode) {
        return "bench/shape-" + mode.toLowerCase(Locale.ROOT).replace('_', '-') + ".bpmn";
    }

    static void deploy(RepositoryService repository, List<String> modes) {
        var deployment = repository.createDeployment().name("bench-shape-baseline");
        modes.forEach(mode -> deployment.addClasspathResource(resource(mode)));
        deployment.deploy();
    }

    /**
     * Process variables per case of govflow's ended cases of a process: its history variable instances (one per
     * variable and scope, whatever it was set by) divided by its ended instances.
     */
    static int variablesPerCase(JdbcTemplate jdbc, String processKey) {
        String ended = "select ID_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and END_TIME_ is not null";
        long cases = jdbc.queryForObject("select count(*) from (" + ended + ") e", Long.class, processKey);
        long variables = jdbc.queryForObject(
                "select count(*) from ACT_HI_VARINST where PROC_INST_ID_ in (" + ended + ")", Long.class, processKey);
        return cases == 0 ? 0 : (int) Math.round((double) variables / cases);
    }

    /**
     * The start variables: the three the models read (candidate groups, due dates, the deadline timer), then short
     * strings up to {@code count} variables in all.
     */
    static Map<String, Object> variables(String district, int count) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("district", district);
        v.put("department", "bench");
        v.put("promisedDecisionDate", Date.from(Instant.now().plus(Duration.ofDays(30))));
        for (int i = v.size() + 1; i <= count; i++) {
            v.put("variable" + i, "value " + i);
        }
        return v;
    }
}
