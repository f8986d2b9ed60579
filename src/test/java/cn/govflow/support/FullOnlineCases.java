package cn.govflow.support;

import cn.govflow.process.CaseVariables;
import java.util.HashMap;
import java.util.Map;

/** A portal case of item 2022-FO-004 (全程网办, e-licence) started on the engine directly, without the intake. */
public final class FullOnlineCases {

    public static final String PROCESS_KEY = "FullOnlineProcess";

    private FullOnlineCases() {}

    /** The start variables the model needs; the first task is 受理 (Task_Acceptance). */
    public static Map<String, Object> variables(String caseNumber) {
        Map<String, Object> v = new HashMap<>(Map.of(CaseVariables.CASE_NUMBER, caseNumber,
                CaseVariables.ITEM_CODE, "2022-FO-004",
                CaseVariables.MODE, "FULL_ONLINE", CaseVariables.DEPARTMENT, "public-security",
                CaseVariables.DISTRICT, "yangpu", CaseVariables.CHANNEL, "ONLINE",
                CaseVariables.RESULT_TYPE, "E_LICENCE", CaseVariables.PROMISED_DAYS, 5,
                CaseVariables.RECEIPT_IS_ACCEPTANCE, false, CaseVariables.ON_THE_SPOT, false));
        v.put(CaseVariables.COMMITMENT, false);
        v.put(CaseVariables.CLOCK_STARTS_AT, "ACCEPTANCE");
        return v;
    }
}
