package cn.govflow.bench;

import cn.govflow.GovflowApplication;
import cn.govflow.application.BenchIntake;
import cn.govflow.ledger.SyntheticYear;
import cn.govflow.support.FullOnlineCases;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark of issue 12, run by {@code ./mvnw -Pbench verify} (or this main class with the test classpath):
 * in one JVM, on H2 and — when {@code POSTGRES_URL} is set — on PostgreSQL, one database after the other:
 * <ol>
 * <li>end-to-end throughput: N cases of each mode through all their user tasks via the Java API, the real
 * intake, delegates, listeners and ledger live, async steps on the job executor; per-task completion latency;</li>
 * <li>the same N through a bare-engine baseline: a model with the same number of user tasks and nothing else,
 * on the same engine and database, driven by the same code — govflow's throughput as a ratio of it;</li>
 * <li>the same N through a shape-equivalent baseline ({@link ShapeBaseline}): govflow's user tasks, candidate
 * groups, timers and async points with no-op delegates and as many variables — the shape ratio;</li>
 * <li>on PostgreSQL, the rows each of these writes per case, by table ({@link TableWrites});</li>
 * <li>REST intake: {@code POST /api/applications} over HTTP at increasing rates, latency and errors per rate;</li>
 * <li>Tasklist: the first page and the count of each of govflow's filters, per clerk, with many cases open;</li>
 * <li>the annual report over the synthetic 杨浦 2023 year (410,646 cases).</li>
 * </ol>
 * Prints one table and writes {@code target/bench/results.json}. Exits non-zero on errors or lost cases only —
 * never on a timing.
 */
public final class GovflowBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 500);
    /**
     * Cases of each variant (govflow, bare and shape baseline of each mode) run before anything is measured. 30 were
     * too few: govflow, measured first and with the most code of its own, ran 10–30% faster after 300 (FULL_ONLINE,
     * 2026-12-06, two runs each) while the baselines did not change beyond their spread (docs/performance.md).
     */
    static final int WARMUP = Integer.getInteger("bench.warmup", 200);

    /**
     * Measured rounds of every mode and variant. A ratio is the median of its rounds: single runs of the baselines
     * moved ±20% on the benchmark's VM (FULL_ONLINE's shape baseline: 56.0, 50.4, 40.4 and 52.3 cases/s).
     */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    /** The order of the variants in round 1, 2, 3, then again: each goes first, second and last once. */
    static final List<List<String>> VARIANTS = List.of(
            List.of("govflow", "baseline", "shapeBaseline"),
            List.of("baseline", "shapeBaseline", "govflow"),
            List.of("shapeBaseline", "govflow", "baseline"));

    static final int WORKERS = Integer.getInteger("bench.workers", 4);
    static final int[] RATES = {5, 10, 20, 40, 80};
    static final int RATE_SECONDS = Integer.getInteger("bench.rate-seconds", 8);
    static final int REPORT_CALLS = 20;
    static final int TASKLIST_CASES = Integer.getInteger("bench.tasklist-cases", 1000);
    static final int TASKLIST_CALLS = 10;

    /** One handling mode: the request that starts a case and the user tasks it passes. */
    record Mode(
            String name,
            String processKey,
            Map<String, Object> request,
            String user,
            List<String> groups,
            int userTasks) {}

    static final List<Mode> MODES = List.of(
            new Mode("FULL_ONLINE", "FullOnlineProcess", FullOnlineCases.application(), "portal", List.of("portal"), 3),
            new Mode(
                    "DELEGATED",
                    "DelegatedImplementationProcess",
                    Map.of(
                            "itemCode",
                            "2022-DI-007",
                            "channel",
                            "WINDOW",
                            "district",
                            "pudong",
                            "applicant",
                            Map.of(
                                    "type",
                                    "ENTERPRISE",
                                    "name",
                                    "上海某会展有限公司",
                                    "idType",
                                    "USCC",
                                    "idNumber",
                                    "91350100M000100Y43"),
                            "situation",
                            "standard",
                            "materials",
                            List.of(
                                    Map.of("code", "application-form", "source", "UPLOAD"),
                                    Map.of("code", "security-plan", "source", "PAPER"),
                                    Map.of("code", "venue-consent", "source", "UPLOAD")),
                            "delivery",
                            Map.of("method", "WINDOW_PICKUP"),
                            "commitment",
                            false),
                    "window-pudong",
                    List.of("window-pudong"),
                    5),
            new Mode(
                    "ENTRUSTED_RECEIPT",
                    "EntrustedReceiptProcess",
                    Map.of(
                            "itemCode",
                            "2022-ER-005",
                            "channel",
                            "WINDOW",
                            "district",
                            "songjiang",
                            "applicant",
                            Map.of(
                                    "type",
                                    "ENTERPRISE",
                                    "name",
                                    "上海某科技有限公司",
                                    "idType",
                                    "USCC",
                                    "idNumber",
                                    "91350100M000100Y43"),
                            "situation",
                            "standard",
                            "materials",
                            List.of(
                                    Map.of("code", "application-form", "source", "PAPER"),
                                    Map.of("code", "business-licence", "source", "UPLOAD"),
                                    Map.of("code", "job-description", "source", "UPLOAD")),
                            "delivery",
                            Map.of("method", "WINDOW_PICKUP"),
                            "commitment",
                            false),
                    "window-songjiang",
                    List.of("window-songjiang"),
                    3));

    static List<Mode> selectedModes(String names) {
        if (names.isBlank()) {
            return MODES;
        }
        List<String> wanted = List.of(names.split(","));
        List<Mode> selected =
                MODES.stream().filter(m -> wanted.contains(m.name())).toList();
        if (selected.size() != wanted.size()) {
            throw new IllegalArgumentException("bench.modes: " + names + ", known: "
                    + MODES.stream().map(Mode::name).toList());
        }
        return selected;
    }

    /** What each user task of the chosen paths is completed with. */
    static final Map<String, Map<String, Object>> ANSWERS = Map.of(
            "Task_WindowReceipt", Map.of("receiptOutcome", "RECEIVED"),
            "Task_Acceptance", Map.of("acceptanceOutcome", "ACCEPTED"),
            "Task_Review", Map.of("reviewOpinion", "材料齐全，同意"),
            "Task_Decision", Map.of("decision", "APPROVED"),
            "Task_Delivery", Map.of("handedOver", true));

    private GovflowBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startedAt", Instant.now().toString());
        results.put("machine", machine());
        results.put("commit", git("rev-parse", "--short", "HEAD"));
        results.put("casesPerMode", CASES);
        List<Map<String, Object>> databases = new ArrayList<>();
        results.put("databases", databases);
        boolean failed = false;

        List<String> wanted =
                List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
        if (wanted.contains("h2")) {
            failed |= run("H2 (in memory)", h2(), List.of("demo"), databases);
        }
        String postgres = System.getenv("POSTGRES_URL");
        if (wanted.contains("postgres") && postgres != null && !postgres.isBlank()) {
            recreateIfBenchDatabase(postgres);
            failed |= run(
                    "PostgreSQL " + postgres.replaceAll(".*//", ""), Map.of(), List.of("demo", "postgres"), databases);
        } else {
            System.out.println("POSTGRES_URL not set: PostgreSQL skipped");
        }

        Files.createDirectories(out);
        Path file = out.resolve("results.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
        System.out.println(table(results));
        System.out.println("written: " + file.toAbsolutePath());
        System.exit(failed ? 1 : 0);
    }

    /** Runs every measurement against one database; returns whether something failed. */
    static boolean run(
            String name, Map<String, Object> properties, List<String> profiles, List<Map<String, Object>> databases)
            throws Exception {
        Map<String, Object> props = new HashMap<>(properties);
        props.put("server.port", 0);
        // Every delegated case must end: no random spot check keeps one waiting (R4 is tested elsewhere).
        props.put("govflow.supervision.spot-check-rate", 0);
        props.put(
                "govflow.licence.keystore.path",
                Files.createTempDirectory("govflow-bench").resolve("k.p12").toString());
        props.put("logging.level.root", "WARN");
        props.put("logging.level.cn.govflow.bench", "INFO");
        props.put("spring.main.banner-mode", "off");
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("database", name);
        databases.add(db);
        System.out.println("== " + name);
        // As command-line arguments: they outrank ./config/application.yaml (default properties would not).
        List<String> argumentList = new ArrayList<>(props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList());
        // -Dbench.args="--camunda.bpm.history-level=audit ..." tries an engine setting without a code change.
        String extra = System.getProperty("bench.args", "").trim();
        if (!extra.isEmpty()) {
            argumentList.addAll(List.of(extra.split("\\s+")));
            db.put("arguments", extra);
        }
        String[] arguments = argumentList.toArray(String[]::new);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(GovflowApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .run(arguments)) {
            Bench bench = new Bench(ctx);
            db.put("engine", engineSettings(ctx));
            bench.deployBaselines();
            // Warm-up: the JIT, the caches, the connection pool — not measured.
            // -Dbench.modes=FULL_ONLINE,… measures some modes only (to profile one), all by default.
            List<Mode> modes = selectedModes(System.getProperty("bench.modes", ""));
            for (Mode mode : modes) {
                bench.throughput(mode, WARMUP);
                bench.baseline(mode, WARMUP);
                bench.shapeBaseline(mode, bench.variablesPerCase(mode), WARMUP);
            }
            // ROUNDS rounds of all modes; a ratio is the median of its rounds (the VM's baselines move ±20%).
            Map<String, List<Map<String, Object>>> byMode = new LinkedHashMap<>();
            List<Map<String, Object>> overallRounds = new ArrayList<>();
            String parts = System.getProperty("bench.parts", "throughput,intake,tasklist,report");
            int measuredRounds = parts.contains("throughput") ? ROUNDS : 0;
            for (int round = 1; round <= measuredRounds; round++) {
                long allCases = 0;
                double govflowSeconds = 0;
                double baselineSeconds = 0;
                double shapeSeconds = 0;
                for (Mode mode : modes) {
                    // The variants take turns at going first: a fixed order would favour one of them in every round.
                    Map<String, Measured> runs = new HashMap<>();
                    for (String variant : VARIANTS.get((round - 1) % VARIANTS.size())) {
                        runs.put(variant, bench.measured(() -> bench.variant(variant, mode)));
                    }
                    Measured ours = runs.get("govflow");
                    Measured bare = runs.get("baseline");
                    Measured shape = runs.get("shapeBaseline");
                    int variables = bench.shapeVariables(mode);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("round", round);
                    m.put("order", String.join(",", VARIANTS.get((round - 1) % VARIANTS.size())));
                    m.put("govflow", ours.result().toMap());
                    m.put("baseline", bare.result().toMap());
                    Map<String, Object> shapeMap = shape.result().toMap();
                    shapeMap.put("variablesPerCase", variables);
                    m.put("shapeBaseline", shapeMap);
                    m.put(
                            "ratio",
                            round(ours.result().casesPerSecond() / bare.result().casesPerSecond(), 2));
                    m.put(
                            "shapeRatio",
                            round(
                                    ours.result().casesPerSecond()
                                            / shape.result().casesPerSecond(),
                                    2));
                    if (bench.writes.available()) {
                        Map<String, Object> rows = new LinkedHashMap<>();
                        rows.put("govflow", ours.rowsPerCase());
                        rows.put("baseline", bare.rowsPerCase());
                        rows.put("shapeBaseline", shape.rowsPerCase());
                        m.put("rowsPerCase", rows);
                    }
                    byMode.computeIfAbsent(mode.name(), k -> new ArrayList<>()).add(m);
                    allCases += ours.result().cases();
                    govflowSeconds += ours.result().seconds();
                    baselineSeconds += bare.result().seconds();
                    shapeSeconds += shape.result().seconds();
                    for (Measured run : List.of(ours, bare, shape)) {
                        bench.errors += run.result().errors() + run.result().lost();
                    }
                }
                Map<String, Object> overall = new LinkedHashMap<>();
                overall.put("round", round);
                overall.put("cases", allCases);
                overall.put("casesPerSecond", round(allCases / govflowSeconds, 1));
                overall.put("baselineCasesPerSecond", round(allCases / baselineSeconds, 1));
                overall.put("shapeBaselineCasesPerSecond", round(allCases / shapeSeconds, 1));
                overall.put("ratio", round(baselineSeconds / govflowSeconds, 2));
                overall.put("shapeRatio", round(shapeSeconds / govflowSeconds, 2));
                overallRounds.add(overall);
                System.out.printf(
                        "round %d of %d, all modes: ratio %s, shapeRatio %s%n",
                        round, measuredRounds, overall.get("ratio"), overall.get("shapeRatio"));
            }
            Map<String, Object> throughput = new LinkedHashMap<>();
            byMode.forEach((mode, rounds) -> throughput.put(mode, medianOfRounds(rounds)));
            if (!overallRounds.isEmpty()) {
                throughput.put("ALL", medianOfRounds(overallRounds));
            }
            db.put("throughput", throughput);
            bench.vacuum();
            db.put("restIntake", parts.contains("intake") ? bench.restIntake() : List.of());
            bench.vacuum();
            db.put("tasklist", parts.contains("tasklist") ? bench.tasklist() : Map.of());
            db.put("annualReport", parts.contains("report") ? bench.annualReport() : Map.of());
            db.put("errors", bench.errors);
            return bench.errors > 0;
        } catch (RuntimeException e) {
            e.printStackTrace();
            db.put("failure", e.toString());
            return true;
        }
    }

    /** The measurements against one running application. */
    static final class Bench {
        final ConfigurableApplicationContext ctx;
        final RuntimeService runtime;
        final TaskService tasks;
        final HistoryService history;
        final JdbcTemplate jdbc;
        final BenchIntake intake;
        final TableWrites writes;
        final int port;
        final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long errors;
        int run;

        Bench(ConfigurableApplicationContext ctx) {
            this.ctx = ctx;
            this.runtime = ctx.getBean(RuntimeService.class);
            this.tasks = ctx.getBean(TaskService.class);
            this.history = ctx.getBean(HistoryService.class);
            this.jdbc = ctx.getBean(JdbcTemplate.class);
            this.intake = BenchIntake.of(ctx.getBean(BenchIntake.serviceType()), ctx.getBean(ObjectMapper.class));
            this.writes = new TableWrites(jdbc);
            this.port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        }

        /**
         * The bare models: start, the same number of user tasks as the mode's path, end. Nothing else. And the
         * shape-equivalent models of {@link ShapeBaseline}.
         */
        void deployBaselines() {
            RepositoryService repository = ctx.getBean(RepositoryService.class);
            ShapeBaseline.deploy(repository, MODES.stream().map(Mode::name).toList());
            for (Mode mode : MODES) {
                AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(baselineKey(mode))
                        .camundaHistoryTimeToLive(1)
                        .startEvent();
                for (int i = 1; i <= mode.userTasks(); i++) {
                    builder = builder.userTask("Task_" + i);
                }
                BpmnModelInstance model = builder.endEvent().done();
                repository
                        .createDeployment()
                        .name("bench-baseline")
                        .addModelInstance(baselineKey(mode) + ".bpmn", model)
                        .deploy();
            }
        }

        static String baselineKey(Mode mode) {
            return "BenchBaseline_" + mode.name();
        }

        Result throughput(Mode mode, int n) throws InterruptedException {
            return drive(
                    mode.name(),
                    n,
                    i -> intake.start(mode.request(), mode.user(), mode.groups()),
                    task -> ANSWERS.get(task.getTaskDefinitionKey()),
                    keys -> jdbc.queryForObject(
                            "select count(*) from gf_ledger_case where status = 'ENDED' and "
                                    + "outcome = 'APPROVED' and case_number in (" + placeholders(keys.size()) + ")",
                            Long.class,
                            keys.toArray()));
        }

        Result baseline(Mode mode, int n) throws InterruptedException {
            return engineOnly("baseline " + mode.name(), baselineKey(mode), Map.of(), n);
        }

        Result shapeBaseline(Mode mode, int variables, int n) throws InterruptedException {
            return engineOnly(
                    "shape baseline " + mode.name(),
                    ShapeBaseline.key(mode.name()),
                    ShapeBaseline.variables((String) mode.request().get("district"), variables),
                    n);
        }

        /** Process variables per case of this mode's govflow cases so far (the shape baseline starts with as many). */
        int variablesPerCase(Mode mode) {
            return ShapeBaseline.variablesPerCase(jdbc, mode.processKey());
        }

        /** The variables the shape baseline of a mode started with in its last measured run. */
        private final Map<String, Integer> shapeVariables = new HashMap<>();

        int shapeVariables(Mode mode) {
            return shapeVariables.get(mode.name());
        }

        /** One measured run of a variant: govflow, its bare baseline or its shape baseline. */
        Result variant(String variant, Mode mode) throws InterruptedException {
            return switch (variant) {
                case "govflow" -> throughput(mode, CASES);
                case "baseline" -> baseline(mode, CASES);
                case "shapeBaseline" -> {
                    // As many variables as govflow's ended cases of this mode have so far (warm-up included).
                    int variables = variablesPerCase(mode);
                    shapeVariables.put(mode.name(), variables);
                    yield shapeBaseline(mode, variables, CASES);
                }
                default -> throw new IllegalArgumentException(variant);
            };
        }

        /** A baseline model, started with the given variables, its tasks completed without any. */
        Result engineOnly(String label, String processKey, Map<String, Object> variables, int n)
                throws InterruptedException {
            int r = ++run;
            return drive(
                    label,
                    n,
                    i -> runtime.startProcessInstanceByKey(processKey, "BASE-" + r + "-" + i, variables)
                            .getBusinessKey(),
                    task -> Map.of(),
                    keys -> history.createHistoricProcessInstanceQuery()
                            .processDefinitionKey(processKey)
                            .completed()
                            .processInstanceBusinessKeyIn(keys.toArray(String[]::new))
                            .count());
        }

        /**
         * PostgreSQL: VACUUM ANALYZE, so that a run or part does not pay for the dead rows of the one before (its
         * autovacuum ran into the next one otherwise). Nothing on H2; {@code -Dbench.vacuum=false}: nothing.
         */
        void vacuum() {
            if (writes.available() && Boolean.parseBoolean(System.getProperty("bench.vacuum", "true"))) {
                jdbc.execute("vacuum analyze");
            }
        }

        /**
         * One run, with the rows it wrote per case where the database keeps statistics (null elsewhere). Every run
         * starts from a vacuumed database: the runs before it left dead rows in the runtime tables (every ended
         * case deletes its rows), which slowed whichever variant came next.
         */
        Measured measured(Callable<Result> run) throws Exception {
            vacuum();
            TableWrites.Snapshot before = writes.snapshot();
            Result result = run.call();
            return new Measured(result, writes.perCaseSince(before, result.cases()));
        }

        interface Starter {
            String start(int i);
        }

        interface Answers {
            Map<String, Object> of(Task task);
        }

        interface EndedCount {
            long count(List<String> keys);
        }

        /**
         * Starts n cases, then WORKERS threads complete their cases' open tasks until every case has ended (async
         * steps run on the job executor meanwhile). Wall time from the first start to the last end.
         */
        Result drive(String label, int n, Starter starter, Answers answers, EndedCount ended)
                throws InterruptedException {
            long begin = System.nanoTime();
            List<String> keys = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failures = new AtomicInteger();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> startLatencies = new ConcurrentLinkedQueue<>();
            CountDownLatch done = new CountDownLatch(WORKERS);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                new Thread(
                                () -> {
                                    try {
                                        // Each worker starts its share of the cases, as concurrent callers would, then
                                        // works them.
                                        List<String> mine = new ArrayList<>();
                                        for (int i = worker; i < n; i += WORKERS) {
                                            try {
                                                long t0 = System.nanoTime();
                                                mine.add(starter.start(i));
                                                startLatencies.add(System.nanoTime() - t0);
                                            } catch (RuntimeException e) {
                                                failures.incrementAndGet();
                                                System.err.println(label + ": start failed: " + e);
                                            }
                                        }
                                        keys.addAll(mine);
                                        work(mine, answers, latencies, failures, deadline);
                                    } finally {
                                        done.countDown();
                                    }
                                },
                                "bench-worker")
                        .start();
            }
            done.await();
            double seconds = (System.nanoTime() - begin) / 1e9;
            long endedCases = keys.isEmpty()
                    ? 0
                    : chunks(keys).stream().mapToLong(ended::count).sum();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            List<Long> starts = new ArrayList<>(startLatencies);
            Collections.sort(starts);
            Result result = new Result(
                    n,
                    seconds,
                    sorted.size(),
                    percentile(sorted, 50),
                    percentile(sorted, 99),
                    percentile(starts, 50),
                    failures.get(),
                    n - endedCases);
            System.out.printf(
                    "%-30s %5d cases %7.1f cases/s  start p50 %6.1f ms  task p50 %6.1f ms p99 %6.1f ms"
                            + "  errors %d lost %d%n",
                    label,
                    n,
                    result.casesPerSecond(),
                    result.startP50Ms(),
                    result.p50Ms(),
                    result.p99Ms(),
                    result.errors(),
                    result.lost());
            return result;
        }

        void work(
                List<String> mine,
                Answers answers,
                ConcurrentLinkedQueue<Long> latencies,
                AtomicInteger failures,
                long deadline) {
            List<String> open = new ArrayList<>(mine);
            int idle = 0;
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                List<Task> found = new ArrayList<>();
                for (List<String> chunk : chunks(open)) {
                    found.addAll(tasks.createTaskQuery()
                            .processInstanceBusinessKeyIn(chunk.toArray(String[]::new))
                            .list());
                }
                for (Task task : found) {
                    Map<String, Object> variables = answers.of(task);
                    if (variables == null) {
                        failures.incrementAndGet();
                        System.err.println("no answer for " + task.getTaskDefinitionKey());
                        continue;
                    }
                    long t0 = System.nanoTime();
                    try {
                        tasks.complete(task.getId(), variables);
                        latencies.add(System.nanoTime() - t0);
                    } catch (OptimisticLockingException e) {
                        // An async step of the same case committed first: the task is still there, next round.
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        System.err.println("complete " + task.getTaskDefinitionKey() + " failed: " + e);
                    }
                }
                if (!found.isEmpty()) {
                    idle = 0;
                    continue;
                }
                // Nothing to do: the rest waits for async steps on the job executor. Poll gently, so that the
                // driver does not take the CPU the job executor needs (2 cores).
                if (++idle % 4 == 0) {
                    List<String> running = new ArrayList<>();
                    for (List<String> chunk : chunks(open)) {
                        // The engine's query has no business-key list: read its runtime table directly.
                        running.addAll(jdbc.queryForList(
                                "select distinct BUSINESS_KEY_ from ACT_RU_EXECUTION where "
                                        + "PARENT_ID_ is null and BUSINESS_KEY_ in (" + placeholders(chunk.size())
                                        + ")",
                                String.class,
                                chunk.toArray()));
                    }
                    open = running;
                }
                sleep(20);
            }
        }

        /** Open-loop POST /api/applications at each rate for RATE_SECONDS; latency of the answers, errors. */
        List<Map<String, Object>> restIntake() throws Exception {
            List<Map<String, Object>> rows = new ArrayList<>();
            byte[] body = new ObjectMapper().writeValueAsBytes(MODES.get(0).request());
            String auth = "Basic " + Base64.getEncoder().encodeToString("portal:demo".getBytes(StandardCharsets.UTF_8));
            for (int rate : RATES) {
                int total = rate * RATE_SECONDS;
                ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
                AtomicInteger failed = new AtomicInteger();
                CountDownLatch answered = new CountDownLatch(total);
                ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
                long periodNanos = 1_000_000_000L / rate;
                long begin = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    clock.schedule(
                            () -> {
                                long t0 = System.nanoTime();
                                HttpRequest request = HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/api/applications"))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Authorization", auth)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build();
                                http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                                        .whenComplete((r, e) -> {
                                            if (e != null || r.statusCode() != 201) {
                                                failed.incrementAndGet();
                                            } else {
                                                latencies.add(System.nanoTime() - t0);
                                            }
                                            answered.countDown();
                                        });
                            },
                            i * periodNanos,
                            TimeUnit.NANOSECONDS);
                }
                answered.await(2, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - begin) / 1e9;
                clock.shutdownNow();
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("ratePerSecond", rate);
                row.put("requests", total);
                row.put("answeredPerSecond", round(sorted.size() / seconds, 1));
                row.put("p50Ms", round(percentile(sorted, 50), 1));
                row.put("p99Ms", round(percentile(sorted, 99), 1));
                row.put("errors", failed.get());
                errors += failed.get();
                rows.add(row);
                System.out.printf(
                        "REST intake %3d/s: %4d requests, p50 %6.1f ms, p99 %6.1f ms, errors %d%n",
                        rate, total, percentile(sorted, 50), percentile(sorted, 99), failed.get());
            }
            return rows;
        }

        /**
         * What a clerk waits for in Tasklist when many cases are open: TASKLIST_CASES more cases of each mode are
         * started and left at their first task (on top of what the intake part left), then for every candidate group
         * that has tasks, its demo clerk lists the first page (15) and counts each of govflow's Tasklist filters
         * over the REST API, as Tasklist does, with authorization checks on.
         */
        Map<String, Object> tasklist() throws Exception {
            for (Mode mode : MODES) {
                CountDownLatch started = new CountDownLatch(WORKERS);
                AtomicInteger failures = new AtomicInteger();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    new Thread(
                                    () -> {
                                        try {
                                            for (int i = worker; i < TASKLIST_CASES; i += WORKERS) {
                                                try {
                                                    intake.start(mode.request(), mode.user(), mode.groups());
                                                } catch (RuntimeException e) {
                                                    failures.incrementAndGet();
                                                }
                                            }
                                        } finally {
                                            started.countDown();
                                        }
                                    },
                                    "bench-tasklist-loader")
                            .start();
                }
                started.await();
                errors += failures.get();
            }
            long openTasks = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
            List<String> groups = jdbc.queryForList(
                    "select distinct GROUP_ID_ from ACT_RU_IDENTITYLINK where "
                            + "TYPE_ = 'candidate' and TASK_ID_ is not null and GROUP_ID_ is not null order by GROUP_ID_",
                    String.class);
            ObjectMapper json = new ObjectMapper();
            Map<String, List<Long>> listLatencies = new LinkedHashMap<>();
            Map<String, List<Long>> countLatencies = new LinkedHashMap<>();
            // Per group, what each filter counts (from the timed count calls): the clerk's share of the open tasks.
            Map<String, Map<String, Long>> visible = new LinkedHashMap<>();
            for (String group : groups) {
                // Every group has a demo user of the same name (demo profile).
                String auth = "Basic "
                        + Base64.getEncoder().encodeToString((group + ":demo").getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> filters = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/engine-rest/filter?resourceType=Task"))
                                .header("Authorization", auth)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (filters.statusCode() != 200) {
                    errors++;
                    continue;
                }
                for (var filter : json.readTree(filters.body())) {
                    String name = filter.path("name").asText();
                    String base = "http://127.0.0.1:" + port + "/engine-rest/filter/"
                            + filter.path("id").asText();
                    for (int i = 0; i < TASKLIST_CALLS + 1; i++) {
                        Timed list = timedPost(base + "/list?firstResult=0&maxResults=15", auth);
                        Timed count = timedPost(base + "/count", auth);
                        if (i > 0) {
                            listLatencies
                                    .computeIfAbsent(name, k -> new ArrayList<>())
                                    .add(list.nanos());
                            countLatencies
                                    .computeIfAbsent(name, k -> new ArrayList<>())
                                    .add(count.nanos());
                        } else {
                            visible.computeIfAbsent(group, k -> new LinkedHashMap<>())
                                    .put(
                                            name,
                                            json.readTree(count.body())
                                                    .path("count")
                                                    .asLong());
                        }
                    }
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("openTasks", openTasks);
            result.put("groups", groups.size());
            result.put("tasksPerGroup", visible);
            Map<String, Object> perFilter = new LinkedHashMap<>();
            for (String name : listLatencies.keySet()) {
                List<Long> list = new ArrayList<>(listLatencies.get(name));
                List<Long> count = new ArrayList<>(countLatencies.get(name));
                Collections.sort(list);
                Collections.sort(count);
                perFilter.put(
                        name,
                        Map.of(
                                "listP50Ms",
                                round(percentile(list, 50), 1),
                                "listP99Ms",
                                round(percentile(list, 99), 1),
                                "countP50Ms",
                                round(percentile(count, 50), 1),
                                "countP99Ms",
                                round(percentile(count, 99), 1)));
                System.out.printf(
                        "Tasklist %s: list p50 %.1f ms p99 %.1f ms, count p50 %.1f ms p99 %.1f ms%n",
                        name, percentile(list, 50), percentile(list, 99), percentile(count, 50), percentile(count, 99));
            }
            result.put("filters", perFilter);
            System.out.printf(
                    "Tasklist: %d open tasks, %d groups, counts per group and filter %s%n",
                    openTasks, groups.size(), visible);
            return result;
        }

        record Timed(long nanos, String body) {}

        Timed timedPost(String url, String auth) throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                errors++;
                System.err.println(url + ": " + response.statusCode() + " " + response.body());
            }
            return new Timed(took, response.body());
        }

        /** Loads the synthetic 杨浦 2023 year, then times GET /api/reports/annual for it. */
        Map<String, Object> annualReport() throws Exception {
            SyntheticYear.Profile profile = SyntheticYear.Profile.YANGPU_2023;
            long t0 = System.nanoTime();
            ctx.getBean(SyntheticYear.class).load(profile);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            String auth =
                    "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/reports/annual?year=2023&district=yangpu"))
                    .header("Authorization", auth)
                    .GET()
                    .build();
            List<Long> latencies = new ArrayList<>();
            String last = null;
            for (int i = 0; i < REPORT_CALLS + 3; i++) {
                long s = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - s;
                if (response.statusCode() != 200) {
                    errors++;
                }
                if (i >= 3) {
                    latencies.add(took);
                }
                last = response.body();
            }
            long applications = new ObjectMapper()
                    .readTree(last)
                    .path("figures")
                    .path("applications")
                    .asLong();
            if (applications != profile.applications()) {
                errors++;
                System.err.println(
                        "report counts " + applications + " applications, expected " + profile.applications());
            }
            Collections.sort(latencies);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cases", profile.applications());
            m.put("loadSeconds", round(loadSeconds, 1));
            m.put("calls", latencies.size());
            m.put("p50Ms", round(percentile(latencies, 50), 1));
            m.put("p99Ms", round(percentile(latencies, 99), 1));
            m.put("applicationsReported", applications);
            System.out.printf(
                    "annual report over %d cases: load %.1f s, p50 %.1f ms, p99 %.1f ms%n",
                    profile.applications(), loadSeconds, percentile(latencies, 50), percentile(latencies, 99));
            return m;
        }
    }

    /** A run's result and, on PostgreSQL, the rows it wrote per case ({@link TableWrites#perCaseSince}). */
    record Measured(Result result, Map<String, Object> rowsPerCase) {}

    record Result(
            int cases,
            double seconds,
            int tasks,
            double p50Ms,
            double p99Ms,
            double startP50Ms,
            long errors,
            long lost) {
        double casesPerSecond() {
            return cases / seconds;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cases", cases);
            m.put("seconds", round(seconds, 2));
            m.put("casesPerSecond", round(casesPerSecond(), 1));
            m.put("tasksCompleted", tasks);
            m.put("taskP50Ms", round(p50Ms, 2));
            m.put("taskP99Ms", round(p99Ms, 2));
            m.put("startP50Ms", round(startP50Ms, 2));
            m.put("errors", errors);
            m.put("lost", lost);
            return m;
        }
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> h2() {
        return Map.of("spring.datasource.url", "jdbc:h2:mem:govflow-bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }

    /** Drops and creates the PostgreSQL database of POSTGRES_URL when its name says it is a benchmark's. */
    static void recreateIfBenchDatabase(String url) throws SQLException {
        String name = url.replaceAll(".*/([^/?]+).*", "$1");
        if (!name.contains("bench")) {
            System.out.println("database " + name + " used as it is (only *bench* databases are recreated)");
            return;
        }
        String admin = url.replace("/" + name, "/postgres");
        String user = System.getenv().getOrDefault("POSTGRES_USER", "postgres");
        try (Connection c = DriverManager.getConnection(
                        admin, user, System.getenv().getOrDefault("POSTGRES_PASSWORD", ""));
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
    }

    static List<List<String>> chunks(List<String> keys) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 500) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + 500)));
        }
        return chunks;
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * One mode's (or all modes') figures over the rounds: {@code ratio} and {@code shapeRatio} are the medians of the
     * rounds', the rest is the round with the median shape ratio, and {@code rounds} lists every round's ratios.
     */
    static Map<String, Object> medianOfRounds(List<Map<String, Object>> rounds) {
        List<Map<String, Object>> byShape = new ArrayList<>(rounds);
        byShape.sort(Comparator.comparingDouble(r -> (Double) r.get("shapeRatio")));
        Map<String, Object> m = new LinkedHashMap<>(byShape.get((byShape.size() - 1) / 2));
        m.put("ratio", median(rounds.stream().map(r -> (Double) r.get("ratio")).toList()));
        m.put(
                "shapeRatio",
                median(rounds.stream().map(r -> (Double) r.get("shapeRatio")).toList()));
        m.put(
                "rounds",
                rounds.stream()
                        .map(r -> Map.of("ratio", r.get("ratio"), "shapeRatio", r.get("shapeRatio")))
                        .toList());
        return m;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2, 2);
    }

    static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, index))) / 1e6;
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The engine settings that the figures depend on (docs/performance.md), as the running engine has them. */
    static Map<String, Object> engineSettings(ConfigurableApplicationContext ctx) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ctx.getBean(ProcessEngine.class).getProcessEngineConfiguration();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("historyLevel", configuration.getHistoryLevel().getName());
        e.put("historyRemovalTimeStrategy", configuration.getHistoryRemovalTimeStrategy());
        e.put("jdbcBatchProcessing", configuration.isJdbcBatchProcessing());
        e.put("authorizationEnabled", configuration.isAuthorizationEnabled());
        e.put(
                "jobExecutorActive",
                configuration.getJobExecutor() != null
                        && configuration.getJobExecutor().isActive());
        e.put("databaseType", configuration.getDatabaseType());
        return e;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        m.put("memoryGiB", Math.round(memory / (1024.0 * 1024 * 1024)));
        m.put("maxHeapGiB", round(Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024), 1));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    static String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    /** The rows-per-case lines of the table: totals per run, govflow's most written tables. */
    @SuppressWarnings("unchecked")
    static String rowsPerCase(Map<String, Object> throughput) {
        StringBuilder t = new StringBuilder();
        boolean measured =
                throughput.values().stream().anyMatch(m -> ((Map<String, Object>) m).containsKey("rowsPerCase"));
        if (!measured) {
            return "  rows per case: not measured — this database keeps no table statistics (PostgreSQL only)\n";
        }
        t.append("  rows per case (pg_stat_user_tables), inserts + updates + deletes = writes; scans (seq + index):\n");
        for (Map.Entry<String, Object> e : throughput.entrySet()) {
            Map<String, Object> rows = (Map<String, Object>) ((Map<String, Object>) e.getValue()).get("rowsPerCase");
            if (rows == null) {
                continue;
            }
            for (Map.Entry<String, Object> run : rows.entrySet()) {
                Map<String, Object> r = (Map<String, Object>) run.getValue();
                t.append(String.format(
                        "  %-18s %-14s %s; %5s commits, %5s WAL syncs, %6s WAL KiB%n",
                        e.getKey(),
                        run.getKey(),
                        counts((Map<String, Object>) r.get("total")),
                        r.get("commits"),
                        r.get("walSyncs"),
                        r.get("walKiB")));
            }
            for (String run : List.of("govflow", "shapeBaseline")) {
                Map<String, Object> perRun = (Map<String, Object>) rows.get(run);
                if (perRun == null) {
                    continue;
                }
                t.append(String.format("  %-18s %s, by table:%n", e.getKey(), run));
                ((Map<String, Object>) perRun.get("byTable"))
                        .entrySet().stream()
                                .limit(12)
                                .forEach(table -> t.append(String.format(
                                        "  %-18s   %-22s %s%n",
                                        "", table.getKey(), counts((Map<String, Object>) table.getValue()))));
            }
        }
        return t.toString();
    }

    @SuppressWarnings("unchecked")
    static String rounds(Map<String, Object> throughput) {
        StringBuilder t = new StringBuilder("  ratios are medians of the rounds; each round's ratio / shape ratio:\n");
        throughput.forEach((mode, m) -> t.append(String.format(
                "  %-18s %s%n",
                mode,
                String.join(
                        "   ",
                        ((List<Map<String, Object>>) ((Map<String, Object>) m).get("rounds"))
                                .stream()
                                        .map(r -> r.get("ratio") + " / " + r.get("shapeRatio"))
                                        .toList()))));
        return t.toString();
    }

    static String counts(Map<String, Object> c) {
        return String.format(
                "%6s + %6s + %6s = %6s; %6s scans",
                c.get("inserts"), c.get("updates"), c.get("deletes"), c.get("writes"), c.get("scans"));
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> results) {
        StringBuilder t = new StringBuilder("\n");
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        t.append(String.format(
                "govflow benchmark — %s, %s cores, %s GiB, %s, commit %s, %s cases per mode%n",
                machine.get("os"),
                machine.get("cores"),
                machine.get("memoryGiB"),
                machine.get("java"),
                results.get("commit"),
                results.get("casesPerMode")));
        for (Map<String, Object> db : (List<Map<String, Object>>) results.get("databases")) {
            t.append(String.format("%n%s%n", db.get("database")));
            if (db.containsKey("engine")) {
                t.append("  engine: ").append(db.get("engine")).append('\n');
            }
            if (db.containsKey("failure")) {
                t.append("  FAILED: ").append(db.get("failure")).append('\n');
                continue;
            }
            t.append(String.format(
                    "  %-18s %10s %10s %7s %10s %7s %10s %10s %6s %5s%n",
                    "mode",
                    "cases/s",
                    "bare/s",
                    "ratio",
                    "shape/s",
                    "shape",
                    "task p50",
                    "task p99",
                    "errors",
                    "lost"));
            Map<String, Object> throughput = (Map<String, Object>) db.get("throughput");
            for (Map.Entry<String, Object> e : throughput.entrySet()) {
                Map<String, Object> m = (Map<String, Object>) e.getValue();
                if (e.getKey().equals("ALL")) {
                    t.append(String.format(
                            "  %-18s %10s %10s %7s %10s %7s%n",
                            "all modes",
                            m.get("casesPerSecond"),
                            m.get("baselineCasesPerSecond"),
                            m.get("ratio"),
                            m.get("shapeBaselineCasesPerSecond"),
                            m.get("shapeRatio")));
                    continue;
                }
                Map<String, Object> ours = (Map<String, Object>) m.get("govflow");
                t.append(String.format(
                        "  %-18s %10s %10s %7s %10s %7s %8s ms %8s ms %6s %5s%n",
                        e.getKey(),
                        ours.get("casesPerSecond"),
                        ((Map<String, Object>) m.get("baseline")).get("casesPerSecond"),
                        m.get("ratio"),
                        ((Map<String, Object>) m.get("shapeBaseline")).get("casesPerSecond"),
                        m.get("shapeRatio"),
                        ours.get("taskP50Ms"),
                        ours.get("taskP99Ms"),
                        ours.get("errors"),
                        ours.get("lost")));
            }
            t.append(rounds(throughput));
            t.append(rowsPerCase(throughput));
            List<Map<String, Object>> intake = (List<Map<String, Object>>) db.get("restIntake");
            if (!intake.isEmpty()) {
                t.append(String.format(
                        "  %-18s %10s %10s %10s %10s %6s%n",
                        "REST intake", "rate/s", "answered/s", "p50", "p99", "errors"));
            }
            for (Map<String, Object> r : intake) {
                t.append(String.format(
                        "  %-18s %10s %10s %7s ms %7s ms %6s%n",
                        "",
                        r.get("ratePerSecond"),
                        r.get("answeredPerSecond"),
                        r.get("p50Ms"),
                        r.get("p99Ms"),
                        r.get("errors")));
            }
            Map<String, Object> tasklist = (Map<String, Object>) db.get("tasklist");
            if (tasklist != null && tasklist.containsKey("filters")) {
                t.append(String.format(
                        "  Tasklist filters, %s open tasks in %s groups (first page of 15, and count):%n",
                        tasklist.get("openTasks"), tasklist.get("groups")));
                for (Map.Entry<String, Object> f : ((Map<String, Object>) tasklist.get("filters")).entrySet()) {
                    Map<String, Object> m = (Map<String, Object>) f.getValue();
                    t.append(String.format(
                            "  %-8s list p50 %6s ms p99 %6s ms, count p50 %6s ms p99 %6s ms%n",
                            f.getKey(),
                            m.get("listP50Ms"),
                            m.get("listP99Ms"),
                            m.get("countP50Ms"),
                            m.get("countP99Ms")));
                }
            }
            Map<String, Object> report = (Map<String, Object>) db.get("annualReport");
            if (report.containsKey("cases")) {
                t.append(String.format(
                        "  annual report over %s cases: load %s s, p50 %s ms, p99 %s ms%n",
                        report.get("cases"), report.get("loadSeconds"), report.get("p50Ms"), report.get("p99Ms")));
            }
        }
        return t.toString();
    }
}
