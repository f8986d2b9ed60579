package cn.govflow.application;

import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.Channel;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.catalog.VoucherIssuer;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One case as the intake recorded it (table {@code gf_case}). Holds personal data — the full id number, phone
 * and addresses — that never goes into process variables or logs: {@link #toString()} masks the id and leaves
 * the rest out.
 */
public record CaseRecord(
        String caseNumber,
        String itemCode,
        HandlingMode mode,
        String department,
        String district,
        String newTown,
        Channel channel,
        String situation,
        ApplicantType applicantType,
        String applicantName,
        IdType idType,
        String idNumber,
        String phone,
        String address,
        DeliveryMethod deliveryMethod,
        String deliveryAddress,
        boolean commitment,
        String processInstanceId,
        String voucherNumber,
        VoucherIssuer voucherIssuedBy,
        LocalDate acceptanceExpectedBy,
        String startedBy,
        String idempotencyKey,
        String requestHash,
        Instant createdAt,
        String status) {

    public String idNumberMasked() {
        return IdNumbers.mask(idNumber);
    }

    CaseRecord withProcessInstanceId(String id) {
        return new CaseRecord(
                caseNumber,
                itemCode,
                mode,
                department,
                district,
                newTown,
                channel,
                situation,
                applicantType,
                applicantName,
                idType,
                idNumber,
                phone,
                address,
                deliveryMethod,
                deliveryAddress,
                commitment,
                id,
                voucherNumber,
                voucherIssuedBy,
                acceptanceExpectedBy,
                startedBy,
                idempotencyKey,
                requestHash,
                createdAt,
                status);
    }

    @Override
    public String toString() {
        return "CaseRecord[" + caseNumber + ", item " + itemCode + ", " + mode + ", " + district + ", applicant "
                + idNumberMasked() + "]";
    }
}
