package cn.govflow.courier;

/**
 * The hand-off cannot succeed by trying again: the platform refused the order (a 4xx other than 408/429), or the
 * case has nothing to send it to (no applicant address). Someone has to act (docs/delivery.md): the hand-off task
 * ends with the BPMN error {@code HandOffFailed} and the responsible window or department gets 人工寄送.
 */
class CourierRefusedException extends RuntimeException {

    CourierRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
