package cn.govflow.catalog;

/** R16: the promised time limit runs from the window's receipt or from the department's acceptance. */
public enum ClockStart {
    ACCEPTANCE,
    RECEIPT
}
