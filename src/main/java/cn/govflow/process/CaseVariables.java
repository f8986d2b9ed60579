package cn.govflow.process;

import cn.govflow.calendar.CaseClock;

/**
 * Names of the process variables every case carries (the contract in docs/processes.md), used by intake, models,
 * delegates and tests alike.
 */
public final class CaseVariables {

    public static final String CASE_NUMBER = "caseNumber";
    public static final String ITEM_CODE = "itemCode";
    public static final String ITEM_NAME = "itemName";
    public static final String MODE = "mode";
    public static final String DEPARTMENT = "department";
    public static final String DEPARTMENT_NAME = "departmentName";
    public static final String DISTRICT = "district";
    public static final String CHANNEL = "channel";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String APPLICANT_ID_MASKED = "applicantIdMasked";
    public static final String APPLICANT_TYPE = "applicantType";
    public static final String DELIVERY_METHOD = "deliveryMethod";
    public static final String COMMITMENT = "commitment";
    public static final String SITUATION = "situation";
    public static final String MATERIALS_RECEIVED = "materialsReceived";
    /** R8 用证免交: at least one material came from an e-licence instead of paper or upload (the report counts it). */
    public static final String LICENCE_REPLACED_PAPER = "licenceReplacedPaper";

    /**
     * 事项方案 as one text for the entrusted window-receipt form (entrusted cases only). The plan itself (R22) is no
     * process variable: it is snapshotted in the case row and read through the {@code casePlan} bean
     * ({@link cn.govflow.catalog.CasePlans}, which also names the variables of cases started before V70).
     */
    public static final String PLAN_NOTICE = "planNotice";

    // Outcomes of the contract's user tasks.
    public static final String RECEIPT_OUTCOME = "receiptOutcome";
    public static final String ACCEPTANCE_OUTCOME = "acceptanceOutcome";
    public static final String REVIEW_OPINION = "reviewOpinion";
    public static final String ESCALATE = "escalate";
    public static final String DECISION = "decision";
    public static final String HANDED_OVER = "handedOver";
    public static final String MISSING_MATERIALS = "missingMaterials";
    public static final String REASON = "reason";
    /** 人工寄送: RETRY (hand off again) or HANDED_OVER (delivered another way, with dispatchNote). */
    public static final String DISPATCH_OUTCOME = "dispatchOutcome";

    public static final String DISPATCH_NOTE = "dispatchNote";

    // Milestones the models write (docs/processes.md).
    /** When the window received the case (or the online receipt voucher was recorded). */
    public static final String RECEIVED_AT = "receivedAt";

    public static final String ACCEPTED_AT = "acceptedAt";
    /** When the courier platform reported the result delivered. */
    public static final String DELIVERED_AT = "deliveredAt";

    // The statutory clock's variables (R16, R27, R33), written by caseClock.
    public static final String PROMISED_DECISION_DATE = CaseClock.PROMISED_DECISION_DATE;
    public static final String CLOCK_STARTED_AT = CaseClock.CLOCK_STARTED_AT;
    public static final String PAUSED_WORKDAYS = CaseClock.PAUSED_WORKDAYS;
    public static final String DECIDED_AT = CaseClock.DECIDED_AT;
    public static final String OVERDUE = CaseClock.OVERDUE;

    // Input of the courier hand-off (handOffToCourierDelegate), set on the task by the models.
    /** Why the shipment travels: a CourierPurpose name. */
    public static final String COURIER_PURPOSE = "courierPurpose";
    /** Who receives it: a CourierRecipient name. */
    public static final String COURIER_RECIPIENT = "courierRecipient";

    // Results.
    public static final String LICENCE_IDENTIFIER = "licenceIdentifier";
    public static final String TRACKING_NUMBER = "trackingNumber";
    /** Why the courier hand-off failed (platform refusal, missing address, retries used up), for 人工寄送. */
    public static final String HAND_OFF_FAILURE = "handOffFailure";
    /** The BPMN error code of a failed courier hand-off, caught by the models' 交寄失败 boundary events. */
    public static final String ERROR_HAND_OFF_FAILED = "HandOffFailed";

    public static final String OUTCOME = "outcome";

    private CaseVariables() {}
}
