package cn.govflow.ledger;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import cn.govflow.catalog.HandlingMode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the ledger with a synthetic year of one district whose annual report gives exactly the figures of a
 * published one ({@link Profile#YANGPU_2023}: 杨浦区 2023, 004 §二), so the report's speed can be measured at real
 * volume. Load-test data: it lives on the test side, outside the production jar. Never runs by itself: {@code --govflow.ledger.synthetic-year=yangpu-2023} at start-up
 * ({@link SyntheticYearRunner}) or the benchmark call it. Its cases are numbered {@code SYN-<year>-<district>-n};
 * a new load replaces them. Only case rows are written (no steps): the report reads nothing else.
 *
 * <p>The cases are spread over the year's working days, 09:00–17:00. Every subset the report counts is picked
 * by an independent multiplicative permutation of the case index, so the counts are exact and the subsets
 * overlap as chance would have them, while nesting where the figures nest (全程网办 ⊂ 网上受理 ⊂ 受理).
 */
@Service
public class SyntheticYear {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticYear.class);
    private static final int BATCH = 2_000;
    private static final int COMMIT_EVERY = 50_000;

    /**
     * The published figures a synthetic year reproduces. {@code decidedWithoutVerdict} are decided cases the
     * report counts neither on time nor overdue (the published figures leave 2,033 such cases in 2023).
     */
    public record Profile(
            String name,
            int year,
            String district,
            int applications,
            int notAccepted,
            int notApproved,
            int acceptedOnline,
            int fullyOnline,
            int commitment,
            int onTheSpot,
            int onTime,
            int overdue,
            int feeCases,
            BigDecimal feeTotal,
            BigDecimal licenceReplacedPaperRate) {

        /** 上海市杨浦区 2023 年度行政许可实施情况年度报告, §二. */
        public static final Profile YANGPU_2023 = new Profile(
                "yangpu-2023",
                2023,
                "yangpu",
                410_646,
                1_544,
                186,
                89_846,
                32_737,
                4_253,
                150_380,
                407_058,
                11,
                274_307,
                new BigDecimal("47901381.60"),
                new BigDecimal("22.26"));

        public int accepted() {
            return applications - notAccepted;
        }

        public int approved() {
            return accepted() - notApproved;
        }

        public int decidedWithoutVerdict() {
            return accepted() - onTime - overdue;
        }

        public int windowReceipts() {
            return applications - acceptedOnline;
        }

        /** Window receipts where a licence replaced paper, rounded to the published rate. */
        public int windowReceiptsWithLicence() {
            return new BigDecimal(windowReceipts())
                    .multiply(licenceReplacedPaperRate)
                    .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP)
                    .intValue();
        }

        /** The same proportions at {@code 1/divisor} of the volume (tests), fee scaled alike. */
        public Profile scaledDown(int divisor, int newYear) {
            return new Profile(
                    name + "/" + divisor,
                    newYear,
                    district,
                    applications / divisor,
                    notAccepted / divisor,
                    notApproved / divisor,
                    acceptedOnline / divisor,
                    fullyOnline / divisor,
                    commitment / divisor,
                    onTheSpot / divisor,
                    onTime / divisor,
                    overdue / divisor + 1,
                    feeCases / divisor,
                    feeTotal.divide(BigDecimal.valueOf(divisor), 2, java.math.RoundingMode.DOWN),
                    licenceReplacedPaperRate);
        }

        public static Profile named(String name) {
            if (YANGPU_2023.name().equals(name)) {
                return YANGPU_2023;
            }
            throw new IllegalArgumentException("no synthetic year named '" + name + "'; known: " + YANGPU_2023.name());
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CatalogService catalog;
    private final WorkdayCalendar calendar;

    SyntheticYear(
            JdbcTemplate jdbc, TransactionTemplate transactions, CatalogService catalog, WorkdayCalendar calendar) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    /** Replaces the profile's synthetic cases; returns how many were written. */
    public int load(Profile p) {
        long started = System.nanoTime();
        String prefix = "SYN-" + p.year() + "-" + p.district() + "-";
        transactions.executeWithoutResult(
                s -> jdbc.update("delete from gf_ledger_case where case_number like ?", prefix + "%"));
        Generator generator = new Generator(p, catalog.all(), workdays(p.year()), calendar);
        List<Object[]> batch = new ArrayList<>(BATCH);
        int written = 0;
        for (int from = 0; from < p.applications(); from += COMMIT_EVERY) {
            int to = Math.min(p.applications(), from + COMMIT_EVERY);
            int start = from;
            transactions.executeWithoutResult(s -> {
                for (int i = start; i < to; i++) {
                    batch.add(generator.row(i, prefix));
                    if (batch.size() == BATCH) {
                        insert(batch);
                    }
                }
                insert(batch);
            });
            written = to;
        }
        analyze();
        LOG.info(
                "Synthetic year {}: {} cases written in {} ms",
                p.name(),
                written,
                (System.nanoTime() - started) / 1_000_000);
        return written;
    }

    /**
     * Refreshes the planner's statistics after the bulk load: without them PostgreSQL estimates the year at two
     * rows, sorts 410,646 on disk and answers the report in 0.6 s instead of 0.2 s. (Autovacuum would get there
     * later; a load is followed by a measurement at once.)
     */
    private void analyze() {
        String database =
                jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        jdbc.execute("PostgreSQL".equals(database) ? "analyze gf_ledger_case" : "analyze table gf_ledger_case");
    }

    private List<LocalDate> workdays(int year) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (calendar.isWorkday(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private void insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into gf_ledger_case (case_number, process_instance_id, item_code, item_name, mode, "
                        + "department, district, channel, applicant_type, commitment, on_the_spot_allowed, "
                        + "licence_replaced_paper, fee, promised_workdays, applied_at, applied_year, applied_month, "
                        + "received_at, accepted_at, promised_decision_date, decided_at, delivered_at, completed_at, outcome, "
                        + "approval_revoked, actual_workdays, on_time, overdue, on_the_spot, status) values (?, null, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, false, ?, ?, ?, ?, 'ENDED')",
                batch,
                batch.size(),
                (PreparedStatement ps, Object[] row) -> {
                    for (int c = 0; c < row.length; c++) {
                        ps.setObject(c + 1, row[c]);
                    }
                });
        batch.clear();
    }

    /** Decides every attribute of case i from the profile, deterministically. */
    static final class Generator {
        private final Profile p;
        private final List<CatalogItem> fullOnline;
        private final List<CatalogItem> others;
        private final List<CatalogItem> all;
        private final List<LocalDate> days;
        private final WorkdayCalendar calendar;
        private final long mOrder;
        private final long mOnline;
        private final long mCommitment;
        private final long mVerdict;
        private final long mFee;
        private final long mLicence;
        private final long feeCents;
        private final long feeRemainder;

        Generator(Profile p, List<CatalogItem> items, List<LocalDate> days, WorkdayCalendar calendar) {
            this.p = p;
            this.all = items;
            this.fullOnline = items.stream()
                    .filter(i -> i.mode() == HandlingMode.FULL_ONLINE)
                    .toList();
            this.others = items.stream()
                    .filter(i -> i.mode() != HandlingMode.FULL_ONLINE)
                    .toList();
            this.days = days;
            this.calendar = calendar;
            this.mOrder = coprime(7_919, p.applications());
            this.mOnline = coprime(104_729, p.accepted());
            this.mCommitment = coprime(15_485_863, p.accepted());
            this.mVerdict = coprime(32_452_843, p.accepted());
            this.mFee = coprime(49_979_687, p.approved());
            this.mLicence = coprime(67_867_967, p.windowReceipts());
            long totalCents = p.feeTotal().movePointRight(2).longValueExact();
            this.feeCents = p.feeCases() == 0 ? 0 : totalCents / p.feeCases();
            this.feeRemainder = p.feeCases() == 0 ? 0 : totalCents % p.feeCases();
        }

        Object[] row(int i, String prefix) {
            long r = (long) i * mOrder % p.applications();
            boolean accepted = r >= p.notAccepted();
            long s = r - p.notAccepted();
            boolean online = false;
            boolean fully = false;
            boolean commitment = false;
            boolean approved = false;
            boolean fee = false;
            boolean onTheSpot = false;
            Boolean onTime = null;
            Boolean overdue = null;
            long windowIndex;
            long feeIndex = -1;
            if (accepted) {
                long t = s * mOnline % p.accepted();
                online = t < p.acceptedOnline();
                fully = t < p.fullyOnline();
                windowIndex = online ? -1 : p.notAccepted() + (t - p.acceptedOnline());
                commitment = s * mCommitment % p.accepted() < p.commitment();
                approved = s >= p.notApproved();
                if (approved) {
                    long a = s - p.notApproved();
                    feeIndex = a * mFee % p.approved();
                    fee = feeIndex < p.feeCases();
                }
                long w = s * mVerdict % p.accepted();
                if (w < p.overdue()) {
                    overdue = true;
                    onTime = false;
                } else if (w < p.overdue() + p.decidedWithoutVerdict()) {
                    onTime = null;
                } else {
                    onTime = true;
                    overdue = false;
                    onTheSpot = w < p.overdue() + p.decidedWithoutVerdict() + p.onTheSpot();
                }
            } else {
                windowIndex = r;
            }
            boolean licence =
                    windowIndex >= 0 && windowIndex * mLicence % p.windowReceipts() < p.windowReceiptsWithLicence();

            List<CatalogItem> pool = fully ? fullOnline : online ? others : all;
            CatalogItem item = pool.get((int) ((i * 31L + 7) % pool.size()));
            LocalDate day = days.get((int) ((long) i * days.size() / p.applications()));
            LocalDateTime applied = day.atTime(LocalTime.of(9, 0)).plusSeconds((i * 7_919L) % (8 * 3600));
            int promised = item.promisedDays() > 0 ? item.promisedDays() : 20;
            LocalDateTime acceptedAt = accepted ? applied.plusMinutes(30) : null;
            LocalDate promisedDate = accepted ? calendar.addWorkdays(day, promised) : null;
            LocalDateTime decided = null;
            Integer actual = null;
            if (accepted) {
                int days = onTheSpot
                        ? 0
                        : Boolean.TRUE.equals(overdue) ? promised + 1 + (i % 3) : 1 + (i % Math.max(1, promised));
                LocalDate decidedDay = calendar.addWorkdays(day, days);
                decided = onTheSpot ? applied.plusHours(1) : decidedDay.atTime(15, 0);
                actual = days;
            }
            BigDecimal amount = BigDecimal.ZERO;
            if (fee) {
                long cents = feeCents + (feeIndex < feeRemainder ? 1 : 0);
                // Pairs of cases move ±50 yuan around the mean; the pairs cancel, the total stays exact.
                long pair = feeIndex / 2;
                boolean lastUnpaired = feeIndex == p.feeCases() - 1 && p.feeCases() % 2 == 1;
                if (!lastUnpaired && pair % 3 != 0 && cents > 5_000) {
                    cents += feeIndex % 2 == 0 ? 5_000 : -5_000;
                }
                amount = BigDecimal.valueOf(cents, 2);
            }
            String outcome = !accepted ? "NOT_ACCEPTED" : approved ? "APPROVED" : "NOT_APPROVED";
            LocalDateTime completed = decided != null ? decided.plusHours(2) : applied.plusDays(1);
            return new Object[] {
                prefix + String.format("%06d", i + 1),
                item.code(),
                item.name(),
                fully ? HandlingMode.FULL_ONLINE.name() : item.mode().name(),
                item.department().code(),
                p.district(),
                online ? "ONLINE" : "WINDOW",
                i % 5 == 0 ? "ENTERPRISE" : "PERSON",
                commitment,
                onTheSpot || item.onTheSpotAllowed(),
                licence,
                amount,
                promised,
                ts(applied),
                p.year(),
                applied.getMonthValue(),
                ts(applied),
                ts(acceptedAt),
                promisedDate == null ? null : Date.valueOf(promisedDate),
                ts(decided),
                ts(completed),
                outcome,
                actual,
                onTime,
                overdue,
                onTheSpot
            };
        }

        private static Timestamp ts(LocalDateTime t) {
            return t == null ? null : Timestamp.valueOf(t);
        }

        /** The first number from {@code start} up that shares no factor with {@code n}. */
        static long coprime(long start, long n) {
            long m = start % n == 0 ? start + 1 : start;
            while (!BigInteger.valueOf(m).gcd(BigInteger.valueOf(n)).equals(BigInteger.ONE)) {
                m++;
            }
            return m % n == 0 ? 1 : m;
        }
    }
}
