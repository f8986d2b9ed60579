package cn.govflow.process;

/**
 * Element ids, messages and own variables of {@code processes/entrusted-receipt.bpmn} (委托基层收件), used by the
 * model's tests and by the transfer endpoint. Shared case variables are in {@link CaseVariables}.
 */
public final class EntrustedReceiptElements {

    public static final String PROCESS_ID = "EntrustedReceiptProcess";

    // User tasks (the first five are the contract of docs/processes.md).
    public static final String TASK_WINDOW_RECEIPT = ContractElements.TASK_WINDOW_RECEIPT;
    public static final String TASK_ACCEPTANCE = ContractElements.TASK_ACCEPTANCE;
    public static final String TASK_REVIEW = ContractElements.TASK_REVIEW;
    public static final String TASK_DECISION = ContractElements.TASK_DECISION;
    public static final String TASK_DELIVERY = ContractElements.TASK_DELIVERY;
    public static final String TASK_PAPER_TRANSFER_REMINDER = "Task_PaperTransferReminder";
    /** 人工寄送 of the paper materials after a failed hand-off, for the receiving hall's window (docs/delivery.md). */
    public static final String TASK_MANUAL_DISPATCH_PAPER_MATERIALS = "Task_ManualDispatchPaperMaterials";
    /** 人工寄送 of the result or 退件 back to the hall after a failed hand-off, for the city department. */
    public static final String TASK_MANUAL_DISPATCH_TO_HALL = "Task_ManualDispatchToHall";

    // Service and receive tasks.
    public static final String TASK_ISSUE_RECEIPT_VOUCHER = "Task_IssueReceiptVoucher";
    public static final String TASK_TRANSFER_ELECTRONIC_MATERIALS = "Task_TransferElectronicMaterials";
    public static final String TASK_HAND_OFF_PAPER_MATERIALS = "Task_HandOffPaperMaterials";
    public static final String TASK_AWAIT_PAPER_MATERIALS = "Task_AwaitPaperMaterials";
    public static final String TASK_AWAIT_RECEIPT_SUPPLEMENT = "Task_AwaitReceiptSupplement";
    public static final String TASK_AWAIT_ACCEPTANCE_SUPPLEMENT = "Task_AwaitAcceptanceSupplement";
    public static final String TASK_ISSUE_LICENCE = "Task_IssueLicence";
    public static final String TASK_HAND_OFF_TO_HALL = "Task_HandOffToHall";
    public static final String TASK_AWAIT_COURIER_DELIVERY = "Task_AwaitCourierDelivery";

    // Timers.
    /** The courier platform reports the paper delivered to the city; the case still waits for the city. */
    public static final String BOUNDARY_PAPER_MATERIALS_DELIVERED = "BoundaryEvent_PaperMaterialsDelivered";

    public static final String TIMER_PAPER_TRANSFER_OVERDUE = "BoundaryEvent_PaperTransferOverdue";
    public static final String TIMER_RECEIPT_SUPPLEMENT_EXPIRED = "BoundaryEvent_ReceiptSupplementExpired";
    public static final String TIMER_ACCEPTANCE_SUPPLEMENT_EXPIRED = "BoundaryEvent_AcceptanceSupplementExpired";

    // Errors: the courier hand-offs' 交寄失败 (BPMN error HandOffFailed).
    public static final String BOUNDARY_PAPER_HAND_OFF_FAILED = "BoundaryEvent_PaperHandOffFailed";
    public static final String BOUNDARY_HALL_HAND_OFF_FAILED = "BoundaryEvent_HallHandOffFailed";

    // Ends.
    public static final String END_REFUSED = "EndEvent_Refused";
    public static final String END_WITHDRAWN_AT_RECEIPT = "EndEvent_WithdrawnAtReceipt";
    public static final String END_WITHDRAWN_AT_ACCEPTANCE = "EndEvent_WithdrawnAtAcceptance";
    public static final String END_PAPER_DELIVERY_RECORDED = "EndEvent_PaperDeliveryRecorded";
    public static final String END_NOT_ACCEPTED = "EndEvent_NotAccepted";
    public static final String END_APPROVED_ONLINE = "EndEvent_ApprovedOnline";
    public static final String END_APPROVED_WITHOUT_LICENCE = "EndEvent_ApprovedWithoutLicence";
    public static final String END_NOT_APPROVED = "EndEvent_NotApproved";
    public static final String END_HANDED_OVER = "EndEvent_HandedOver";

    // Messages (docs/processes.md).
    public static final String MESSAGE_MATERIALS_SUPPLEMENTED = ContractElements.MESSAGE_MATERIALS_SUPPLEMENTED;
    public static final String MESSAGE_COURIER_DELIVERED = ContractElements.MESSAGE_COURIER_DELIVERED;
    public static final String MESSAGE_PAPER_MATERIALS_ARRIVED = "Message_PaperMaterialsArrived";

    // Variables this model writes.
    /** Date the window tells the applicant acceptance will be decided by (R19); due date of Task_Acceptance. */
    public static final String ACCEPTANCE_EXPECTED_BY = "acceptanceExpectedBy";
    /** The receipt voucher's number (R17; who issues it is the case's plan). */
    public static final String RECEIPT_VOUCHER_NUMBER = "receiptVoucherNumber";

    public static final String ELECTRONIC_TRANSFER_AT = "electronicTransferAt";
    public static final String PAPER_ARRIVED_AT = "paperArrivedAt";
    /** User id of the city department member who confirmed the paper's arrival. */
    public static final String PAPER_RECEIVED_BY = "paperReceivedBy";
    /** Outcome of Task_PaperTransferReminder: what the hall did about the late paper (free text). */
    public static final String TRANSFER_FOLLOW_UP = "transferFollowUp";
    /** Ten working days after the decision (R33): due date of Task_Delivery. */
    public static final String DELIVERY_DUE_DATE = "deliveryDueDate";

    private EntrustedReceiptElements() {}
}
