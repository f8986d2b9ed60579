package cn.govflow.application;

import cn.govflow.catalog.District;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Case numbers (办件编号) such as {@code SH-20261123-PD-000123}: date of receipt, district, and a number from the
 * database sequence {@code gf_case_number_seq} — unique across nodes without locking a table row.
 */
@Component
class CaseNumbers {

    static final String SEQUENCE = "gf_case_number_seq";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Map<District, String> ABBREVIATIONS = new EnumMap<>(Map.ofEntries(
            Map.entry(District.HUANGPU, "HP"),
            Map.entry(District.XUHUI, "XH"),
            Map.entry(District.CHANGNING, "CN"),
            Map.entry(District.JINGAN, "JA"),
            Map.entry(District.PUTUO, "PT"),
            Map.entry(District.HONGKOU, "HK"),
            Map.entry(District.YANGPU, "YP"),
            Map.entry(District.MINHANG, "MH"),
            Map.entry(District.BAOSHAN, "BS"),
            Map.entry(District.JIADING, "JD"),
            Map.entry(District.PUDONG, "PD"),
            Map.entry(District.JINSHAN, "JS"),
            Map.entry(District.SONGJIANG, "SJ"),
            Map.entry(District.QINGPU, "QP"),
            Map.entry(District.FENGXIAN, "FX"),
            Map.entry(District.CHONGMING, "CM")));

    private final DataFieldMaxValueIncrementer sequence;

    CaseNumbers(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
        this.sequence = product != null && product.toLowerCase().contains("postgres")
                ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
    }

    String next(LocalDate date, District district) {
        return format(date, district, sequence.nextLongValue());
    }

    static String format(LocalDate date, District district, long number) {
        return "SH-" + DATE.format(date) + "-" + ABBREVIATIONS.get(district) + "-" + String.format("%06d", number);
    }
}
