package cn.govflow.ledger;

import java.time.LocalDateTime;

/**
 * A 好差评 rating of a case (R30, table {@code gf_rating}); a bad one (1–2) carries its rectification (整改):
 * the process instance, the group that must rectify, the due date (15 working days) and, once done, the measures.
 */
public record Rating(
        String caseNumber,
        int score,
        String comment,
        RatingChannel channel,
        String ratedBy,
        LocalDateTime ratedAt,
        String rectificationInstanceId,
        String rectificationGroup,
        LocalDateTime rectificationDue,
        LocalDateTime rectifiedAt,
        String rectificationMeasures) {

    public static final int BAD_AT_MOST = 2;

    public boolean bad() {
        return score <= BAD_AT_MOST;
    }
}
