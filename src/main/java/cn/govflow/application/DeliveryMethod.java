package cn.govflow.application;

import cn.govflow.catalog.ResultType;
import java.util.List;

/** How the applicant wants the result: e-licence online, courier (R10, R21), or pick-up at the window (R20). */
public enum DeliveryMethod {
    E_LICENCE,
    COURIER,
    WINDOW_PICKUP;

    /** R20: an e-licence goes online only where the item issues one; courier and pick-up are always offered. */
    public static List<DeliveryMethod> allowedFor(ResultType resultType) {
        return resultType == ResultType.E_LICENCE ? List.of(values()) : List.of(COURIER, WINDOW_PICKUP);
    }
}
