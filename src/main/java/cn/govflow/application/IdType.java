package cn.govflow.application;

/** The identity documents intake accepts: the resident id card (GB 11643) and the credit code (GB 32100). */
public enum IdType {
    RESIDENT_ID,
    USCC
}
