package cn.govflow.catalog;

/** Who may apply for an item: a natural person (个人) or an enterprise/organisation (法人). */
public enum ApplicantType {
    PERSON,
    ENTERPRISE
}
