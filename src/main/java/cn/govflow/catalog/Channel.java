package cn.govflow.catalog;

/** Where a case is started: online (一网通办 portal) or at a service centre's window (R1, R28). */
public enum Channel {
    ONLINE,
    WINDOW
}
