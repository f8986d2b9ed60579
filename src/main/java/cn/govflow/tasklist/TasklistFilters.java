package cn.govflow.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every clerk starts from, created (or brought up to date) at every start. Each filter
 * shows only what the user may see anyway: Camunda's authorizations limit the tasks to the user's own groups.
 */
@Component
class TasklistFilters {

    static final String MY_WORK = "我的待办";
    static final String DUE_SOON = "即将到期";
    static final String OVERDUE = "已超期";
    static final String SUPPLEMENTS = "待补正";

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void createFilters() {
        save(MY_WORK, "本人所在岗位的待办任务，按办理期限排序", -10, "#2a7ab0", mine());
        save(
                DUE_SOON,
                "三个工作日内到期的待办任务",
                -9,
                "#e0a100",
                mine().dueAfterExpression("${now()}").dueBeforeExpression("${workdays.fromNow(3)}"));
        save(OVERDUE, "已超过办理期限的待办任务", -8, "#c0392b", mine().dueBeforeExpression("${now()}"));
        // Any case that was told of missing materials (一次性告知) carries the list as text.
        save(
                SUPPLEMENTS,
                "曾要求补正材料的办件（申请人补正后回到本岗位）",
                -7,
                "#7d3c98",
                mine().processVariableValueLike("missingMaterials", "%"));
    }

    /** Tasks offered to one of my groups or assigned to me, earliest deadline first. */
    private TaskQuery mine() {
        TaskQuery query = tasks.createTaskQuery()
                .or()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskAssigneeExpression("${currentUser()}")
                .endOr();
        query.orderByDueDate().asc();
        return query;
    }

    private void save(String name, String description, int priority, String color, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put(
                "variables",
                List.of(
                        column("caseNumber", "办件编号"),
                        column("itemName", "事项"),
                        column("applicantName", "申请人"),
                        column("district", "区")));
        filter.setProperties(properties);
        filter.setQuery(query);
        filters.saveFilter(filter);
    }

    private static Map<String, String> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
