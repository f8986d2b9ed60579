package cn.govflow.transfer;

import org.springframework.http.HttpStatus;

/** A caller's mistake when confirming a transfer, answered as a ProblemDetail naming the field and the rule. */
class TransferProblem extends RuntimeException {

    private final HttpStatus status;
    private final String rule;

    TransferProblem(HttpStatus status, String detail, String rule) {
        super(detail);
        this.status = status;
        this.rule = rule;
    }

    HttpStatus status() {
        return status;
    }

    String rule() {
        return rule;
    }
}
