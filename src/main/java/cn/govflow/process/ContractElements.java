package cn.govflow.process;

/**
 * The element ids and message names every model of a handling mode shares (the contract of docs/processes.md).
 * Each model's own constants class names them again as {@code FullOnlineElements.TASK_ACCEPTANCE} and so on,
 * pointing here, so that the text is written once. {@code ModelNamesTests} checks them against the models.
 */
public final class ContractElements {

    // User tasks whose outcome rules are the contract's: each model declares them (outcome.* properties).
    public static final String TASK_WINDOW_RECEIPT = "Task_WindowReceipt";
    public static final String TASK_ACCEPTANCE = "Task_Acceptance";
    public static final String TASK_REVIEW = "Task_Review";
    public static final String TASK_DECISION = "Task_Decision";
    public static final String TASK_DELIVERY = "Task_Delivery";

    // Messages: the message name is also its id.
    /** 补正 arrived ({@code POST /api/applications/{caseNumber}/supplements}, R28). */
    public static final String MESSAGE_MATERIALS_SUPPLEMENTED = "Message_MaterialsSupplemented";
    /** The courier platform delivered a shipment (R10). */
    public static final String MESSAGE_COURIER_DELIVERED = "Message_CourierDelivered";

    private ContractElements() {}
}
