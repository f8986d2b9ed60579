package cn.govflow.catalog;

/** What a decision produces: an electronic licence, a paper licence, or no document. */
public enum ResultType {
    E_LICENCE,
    PAPER_LICENCE,
    NONE
}
