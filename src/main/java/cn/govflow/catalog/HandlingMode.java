package cn.govflow.catalog;

/** The three handling modes of the 2022 notice; each runs as its own process. */
public enum HandlingMode {
    FULL_ONLINE("全程网办", "FullOnlineProcess", "FO"),
    DELEGATED("下放基层实施", "DelegatedImplementationProcess", "DI"),
    ENTRUSTED_RECEIPT("委托基层收件", "EntrustedReceiptProcess", "ER");

    private final String displayName;
    private final String processId;
    private final String codePrefix;

    HandlingMode(String displayName, String processId, String codePrefix) {
        this.displayName = displayName;
        this.processId = processId;
        this.codePrefix = codePrefix;
    }

    public String displayName() {
        return displayName;
    }

    /** The BPMN process id that handles cases of this mode (docs/processes.md). */
    public String processId() {
        return processId;
    }

    /** The middle part of an item code: 2022-FO-001, 2022-DI-001, 2022-ER-001. */
    public String codePrefix() {
        return codePrefix;
    }
}
