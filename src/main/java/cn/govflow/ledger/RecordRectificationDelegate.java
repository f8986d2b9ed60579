package cn.govflow.ledger;

import cn.govflow.process.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记整改结果: writes the department's rectification measures into the rating (bean {@code recordRectificationDelegate}). */
@Component("recordRectificationDelegate")
public class RecordRectificationDelegate implements JavaDelegate {

    private final Ratings ratings;

    RecordRectificationDelegate(Ratings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ratings.rectified((String) execution.getVariable(CaseVariables.CASE_NUMBER), (String)
                execution.getVariable(Ratings.RECTIFICATION_MEASURES));
    }
}
