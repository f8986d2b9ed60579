package cn.govflow.catalog;

import java.util.List;

/** The catalog cannot be used; each problem names the file, the item and what is wrong. */
public class InvalidCatalogException extends RuntimeException {

    private final List<String> problems;

    InvalidCatalogException(List<String> problems) {
        super("the item catalog is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
