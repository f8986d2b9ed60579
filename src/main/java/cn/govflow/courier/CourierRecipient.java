package cn.govflow.courier;

/** Who receives: the applicant at home, the hall where the case was received (统一出件), or the city department. */
public enum CourierRecipient {
    APPLICANT,
    HALL,
    CITY_DEPARTMENT
}
