package cn.govflow.application;

import java.time.Instant;

/** One hit of {@code GET /api/applications?…}: enough to pick the case; its details and timeline are one call on. */
record CaseSummary(
        String caseNumber,
        String itemCode,
        String itemName,
        String district,
        String districtName,
        String applicantName,
        String status,
        String processInstanceId,
        Instant createdAt) {}
