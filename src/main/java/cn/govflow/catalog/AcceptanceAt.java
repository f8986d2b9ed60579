package cn.govflow.catalog;

/** R18: who accepts the paper materials of an entrusted-receipt item. */
public enum AcceptanceAt {
    WINDOW,
    DISTRICT_DEPARTMENT,
    CITY_DEPARTMENT
}
