package cn.govflow.application;

/** How the applicant wants the result: e-licence online, courier (R10, R21), or pick-up at the window (R20). */
public enum DeliveryMethod {
    E_LICENCE,
    COURIER,
    WINDOW_PICKUP
}
