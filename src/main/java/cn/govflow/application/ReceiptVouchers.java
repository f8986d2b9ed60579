package cn.govflow.application;

import cn.govflow.calendar.EngineClock;
import cn.govflow.catalog.CasePlans;
import cn.govflow.catalog.VoucherIssuer;
import cn.govflow.process.CaseVariables;
import cn.govflow.process.EntrustedReceiptElements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Bean {@code receiptVouchers}, {@code ${receiptVouchers.issue(execution)}} in the entrusted model's 出具收件凭证: the
 * window's receipt is recorded ({@code receivedAt}) with its voucher number (R17). An online voucher, or a window
 * that gave none, carries the case's own number {@code SJ-<case number>}; a voucher the district department or the
 * centre issued on paper keeps the number the clerk typed.
 */
@Component("receiptVouchers")
public class ReceiptVouchers {

    private final CasePlans plans;

    public ReceiptVouchers(CasePlans plans) {
        this.plans = plans;
    }

    public void issue(DelegateExecution execution) {
        execution.setVariable(CaseVariables.RECEIVED_AT, EngineClock.SHANGHAI.date());
        Object typed = execution.getVariable(EntrustedReceiptElements.RECEIPT_VOUCHER_NUMBER);
        if (plans.of(execution).voucherIssuedBy() == VoucherIssuer.ONLINE
                || typed == null
                || typed.toString().isBlank()) {
            execution.setVariable(
                    EntrustedReceiptElements.RECEIPT_VOUCHER_NUMBER,
                    "SJ-" + execution.getVariable(CaseVariables.CASE_NUMBER));
        }
    }
}
