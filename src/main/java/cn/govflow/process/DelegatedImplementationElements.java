package cn.govflow.process;

/** Element ids and variables of {@code processes/delegated-implementation.bpmn} (下放基层实施), for code and tests. */
public final class DelegatedImplementationElements {

    public static final String PROCESS_ID = "DelegatedImplementationProcess";
    public static final String RESOURCE = "processes/delegated-implementation.bpmn";

    public static final String START = "StartEvent_ApplicationSubmitted";
    public static final String TASK_WINDOW_RECEIPT = ContractElements.TASK_WINDOW_RECEIPT;
    public static final String TASK_AWAIT_WINDOW_SUPPLEMENT = "Task_AwaitWindowSupplement";
    public static final String TASK_ON_THE_SPOT_DECISION = "Task_OnTheSpotDecision";
    public static final String TASK_ACCEPTANCE = ContractElements.TASK_ACCEPTANCE;
    public static final String TASK_AWAIT_ACCEPTANCE_SUPPLEMENT = "Task_AwaitAcceptanceSupplement";
    public static final String TASK_REVIEW = ContractElements.TASK_REVIEW;
    public static final String TASK_SPECIAL_PROCEDURE = "Task_SpecialProcedure";
    public static final String TASK_DECISION = ContractElements.TASK_DECISION;
    public static final String TASK_CITY_DECISION = "Task_CityDecision";
    public static final String TASK_ISSUE_LICENCE = "Task_IssueLicence";
    public static final String TASK_DELIVERY = ContractElements.TASK_DELIVERY;
    public static final String TASK_HAND_OFF_TO_COURIER = "Task_HandOffToCourier";
    public static final String TASK_MANUAL_DISPATCH = "Task_ManualDispatch";
    public static final String TASK_AWAIT_COURIER_DELIVERY = "Task_AwaitCourierDelivery";
    public static final String TASK_REPORT_TO_CITY_SUPERVISION = "Task_ReportToCitySupervision";
    public static final String TASK_SPOT_CHECK = "Task_SpotCheck";
    public static final String TASK_RECORD_SPOT_CHECK = "Task_RecordSpotCheck";
    public static final String TASK_SUSPEND_DELEGATION = "Task_SuspendDelegation";

    public static final String END_APPROVED = "EndEvent_Approved";
    public static final String END_REFUSED = "EndEvent_Refused";
    public static final String END_WINDOW_WITHDRAWN = "EndEvent_WindowWithdrawn";
    public static final String END_ACCEPTANCE_WITHDRAWN = "EndEvent_AcceptanceWithdrawn";
    public static final String END_NOT_ACCEPTED = "EndEvent_NotAccepted";
    public static final String END_NOT_APPROVED = "EndEvent_NotApproved";
    public static final String END_CITY_NOT_APPROVED = "EndEvent_CityNotApproved";
    public static final String END_ON_THE_SPOT_NOT_APPROVED = "EndEvent_OnTheSpotNotApproved";

    public static final String MESSAGE_MATERIALS_SUPPLEMENTED = ContractElements.MESSAGE_MATERIALS_SUPPLEMENTED;
    public static final String MESSAGE_COURIER_DELIVERED = ContractElements.MESSAGE_COURIER_DELIVERED;

    /** Chief representative's answer on the spot (R25): APPROVED, NOT_APPROVED, BACK_OFFICE. */
    public static final String ON_THE_SPOT_DECISION = "onTheSpotDecision";
    /** true when the case was decided on the spot (当场办结, R32). */
    public static final String ON_THE_SPOT_COMPLETED = "onTheSpotCompleted";
    /** Who approved: DISTRICT, CITY (转报) or CHIEF_REPRESENTATIVE. */
    public static final String DECISION_LEVEL = "decisionLevel";
    /** Review's choice of special procedure (R27): NONE, SITE_INSPECTION, EXPERT_REVIEW, HEARING. */
    public static final String SPECIAL_PROCEDURE = "specialProcedure";

    public static final String SPECIAL_PROCEDURE_DAYS = "specialProcedureDays";
    public static final String SPECIAL_PROCEDURE_FINDINGS = "specialProcedureFindings";
    public static final String SPOT_CHECK_DRAWN = "spotCheckDrawn";
    /** City department's spot-check result: PASSED or VIOLATION (with reason). */
    public static final String SPOT_CHECK_RESULT = "spotCheckResult";

    private DelegatedImplementationElements() {}
}
