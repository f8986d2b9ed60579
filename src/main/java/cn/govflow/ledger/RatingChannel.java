package cn.govflow.ledger;

/** Where the applicant rated (004 §三(二)): the window's rating pad, the 一网通办 PC portal, the 随申办 app. */
public enum RatingChannel {
    WINDOW,
    PC,
    APP
}
