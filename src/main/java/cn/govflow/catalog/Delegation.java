package cn.govflow.catalog;

import java.util.List;

/** The delegated-implementation part of an item (annex 2): content, scope, receiving department, measures. */
public record Delegation(
        String content,
        Scope scope,
        String receivingDepartment,
        List<String> supervisionMeasures,
        boolean escalationAllowed) {

    public Delegation {
        supervisionMeasures = List.copyOf(supervisionMeasures);
    }
}
