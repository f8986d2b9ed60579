package cn.govflow.process;

/**
 * Element ids, messages and model-specific variables of {@code processes/full-online.bpmn} (全程网办), used by
 * code and tests alike. The variables every case carries are in {@link CaseVariables}.
 */
public final class FullOnlineElements {

    public static final String PROCESS_ID = "FullOnlineProcess";

    // User tasks: the contract's ids (docs/processes.md) and this model's own.
    public static final String TASK_WINDOW_RECEIPT = ContractElements.TASK_WINDOW_RECEIPT;
    public static final String TASK_ACCEPTANCE = ContractElements.TASK_ACCEPTANCE;
    public static final String TASK_REVIEW = ContractElements.TASK_REVIEW;
    public static final String TASK_DECISION = ContractElements.TASK_DECISION;
    public static final String TASK_COMMITMENT_VERIFICATION = "Task_CommitmentVerification";
    public static final String TASK_DELIVERY_REMINDER = "Task_DeliveryReminder";
    public static final String TASK_MANUAL_DISPATCH = "Task_ManualDispatch";

    // Service and receive tasks.
    public static final String TASK_AWAIT_SUPPLEMENT = "Task_AwaitSupplement";
    public static final String TASK_MARK_OVERDUE = "Task_MarkOverdue";
    public static final String TASK_DECIDE_ON_THE_SPOT = "Task_DecideOnTheSpot";
    public static final String TASK_ISSUE_LICENCE = "Task_IssueLicence";
    public static final String TASK_HAND_OFF_TO_COURIER = "Task_HandOffToCourier";
    public static final String TASK_AWAIT_DELIVERY = "Task_AwaitDelivery";
    public static final String TASK_REVOKE_LICENCE = "Task_RevokeLicence";

    // Gateways a test or a report may ask about.
    public static final String GATEWAY_RECEIPT_IS_ACCEPTANCE = "Gateway_ReceiptIsAcceptance";
    public static final String GATEWAY_ON_THE_SPOT = "Gateway_OnTheSpot";

    // Events and sub-processes.
    public static final String EVENT_RECEIPT_RECORDED_ONLINE = "Event_ReceiptRecordedOnline";
    public static final String EVENT_APPROVED_ON_COMMITMENT = "Event_ApprovedOnCommitment";
    public static final String BOUNDARY_SUPPLEMENT_EXPIRED = "BoundaryEvent_SupplementExpired";
    public static final String BOUNDARY_DECISION_DEADLINE = "BoundaryEvent_DecisionDeadline";
    public static final String BOUNDARY_DELIVERY_REMINDER = "BoundaryEvent_DeliveryReminder";
    public static final String BOUNDARY_HAND_OFF_FAILED = "BoundaryEvent_HandOffFailed";
    public static final String END_HANDED_OVER_MANUALLY = "EndEvent_HandedOverManually";
    public static final String SUBPROCESS_REVIEW_AND_DECISION = "SubProcess_ReviewAndDecision";
    public static final String SUBPROCESS_COURIER_DELIVERY = "SubProcess_CourierDelivery";
    public static final String END_REFUSED = "EndEvent_Refused";
    public static final String END_NOT_ACCEPTED = "EndEvent_NotAccepted";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String END_NOT_APPROVED = "EndEvent_NotApproved";
    public static final String END_APPROVED = "EndEvent_Approved";
    public static final String END_COMMITMENT_VERIFIED = "EndEvent_CommitmentVerified";
    public static final String END_APPROVAL_REVOKED = "EndEvent_ApprovalRevoked";

    // Messages (docs/processes.md): message name = id; the names are ContractElements'.
    public static final String MESSAGE_MATERIALS_SUPPLEMENTED = ContractElements.MESSAGE_MATERIALS_SUPPLEMENTED;
    public static final String MESSAGE_COURIER_DELIVERED = ContractElements.MESSAGE_COURIER_DELIVERED;

    // Configurable waits, defaulted at the start event unless given as start variables.
    /** ISO 8601 duration the case waits for 补正 before it counts as withdrawn; default P30D (calendar days). */
    public static final String SUPPLEMENT_WAIT = "supplementWait";
    /** Working days after hand-off to the courier before the department is reminded; default 10 (R33). */
    public static final String DELIVERY_REMINDER_WORKDAYS = "deliveryReminderWorkdays";
    /** Working days the department has to verify a 告知承诺 after approving on it; default 20 (R29). */
    public static final String VERIFICATION_WORKDAYS = "verificationWorkdays";

    // Outcomes of this model's own user tasks and its other variables.
    public static final String VERIFICATION_RESULT = "verificationResult";
    public static final String REMINDER_NOTE = "reminderNote";
    /** true when a failed 告知承诺 verification revoked the approval (R29); outcome stays APPROVED. */
    public static final String APPROVAL_REVOKED = "approvalRevoked";
    /** Written by the revoke delegate: whether an e-licence was revoked with the approval. */
    public static final String LICENCE_REVOKED = "licenceRevoked";
    /** Input of the revoke delegate: the verification's reason. */
    public static final String REVOKE_REASON = "revokeReason";

    private FullOnlineElements() {}
}
