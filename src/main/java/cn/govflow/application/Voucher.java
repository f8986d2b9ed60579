package cn.govflow.application;

import cn.govflow.catalog.VoucherIssuer;
import java.time.Instant;

/** The receipt voucher (收件凭证, R17): its number, who issues it per the item's plan, and when. */
record Voucher(String number, VoucherIssuer issuedBy, String issuedByName, Instant issuedAt) {

    static Voucher of(CaseRecord record) {
        return new Voucher(
                record.voucherNumber(),
                record.voucherIssuedBy(),
                record.voucherIssuedBy().displayName(),
                record.createdAt());
    }
}
