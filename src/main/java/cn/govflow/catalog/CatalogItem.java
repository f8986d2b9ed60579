package cn.govflow.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One item (事项) of the catalog with the plan it runs by (R22 一事一方案). {@link #delegation()} is present for
 * delegated items only, {@link #entrustedReceipt()} for entrusted-receipt items only.
 */
public record CatalogItem(
        String code,
        int seq,
        String name,
        Department department,
        HandlingMode mode,
        Set<ApplicantType> applicantTypes,
        Set<Channel> channels,
        int promisedDays,
        boolean commitmentAllowed,
        boolean onTheSpotAllowed,
        boolean receiptIsAcceptance,
        ResultType resultType,
        String licenceName,
        BigDecimal fee,
        ClockStart clockStartsAt,
        VoucherIssuer voucherIssuedBy,
        List<Situation> situations,
        Delegation delegation,
        EntrustedReceipt entrustedReceipt,
        List<String> corrections) {

    public CatalogItem {
        applicantTypes = Set.copyOf(applicantTypes);
        channels = Set.copyOf(channels);
        situations = List.copyOf(situations);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    public Optional<Situation> situation(String code) {
        return situations.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /**
     * Whether an application from this district may be made for this item at all: full-online items everywhere,
     * delegated items where the scope touches the district (R4), entrusted items where the district receives (R5).
     */
    public boolean availableIn(District district) {
        return switch (mode) {
            case FULL_ONLINE -> true;
            case DELEGATED -> delegation.scope().touches(district);
            case ENTRUSTED_RECEIPT -> entrustedReceipt.receivers().includes(district);
        };
    }
}
