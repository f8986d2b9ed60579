package cn.govflow.calendar;

import org.camunda.bpm.engine.ProcessEngineException;

/** A statutory clock operation the case's state does not allow, e.g. a second extension (R33). */
public class CaseClockException extends ProcessEngineException {

    private static final long serialVersionUID = 1L;

    CaseClockException(String message) {
        super(message);
    }
}
