package cn.govflow.application;

import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.Channel;
import cn.govflow.catalog.HandlingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/applications/{caseNumber}}: where a case stands, with the id number masked. */
record CaseView(
        String caseNumber,
        String itemCode,
        String itemName,
        HandlingMode mode,
        String district,
        String newTown,
        Channel channel,
        Applicant applicant,
        String status,
        String processInstanceId,
        Voucher voucher,
        LocalDate acceptanceDecisionExpectedBy,
        Instant createdAt,
        List<Step> currentSteps,
        List<TimelineEntry> timeline) {

    /** The applicant as shown to callers: the id number masked ({@code 3101**********1234}). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseApplicant")
    record Applicant(ApplicantType type, String name, String idNumber) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseStep")
    record Step(String activityId, String name, String type, Instant since, String assignee) {}

    record TimelineEntry(String activityId, String name, String type, Instant start, Instant end, String assignee) {}
}
