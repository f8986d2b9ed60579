package cn.govflow.courier;

import cn.govflow.monitoring.GovflowMetrics;
import cn.govflow.process.CaseVariables;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${handOffToCourierDelegate}}: books a shipment with the courier platform for {@code courierPurpose} to
 * {@code courierRecipient} and writes {@code trackingNumber}. Runs asynchronously with retries, and a retry never
 * books twice (R10, R21). What fails is somebody's work (docs/delivery.md): a refusal (4xx, no address) at once,
 * and a platform that is down or slow on the job's last attempt, end the task with the BPMN error
 * {@code HandOffFailed} and the reason in {@code handOffFailure}, which the model gives to a person (人工寄送).
 * Anything else (a model without its input parameters, the database) fails the job and, after the retries, is an
 * incident for the operators in Cockpit.
 */
@Component("handOffToCourierDelegate")
class HandOffToCourierDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(HandOffToCourierDelegate.class);

    private final CourierService courier;
    private final GovflowMetrics metrics;

    HandOffToCourierDelegate(CourierService courier, GovflowMetrics metrics) {
        this.courier = courier;
        this.metrics = metrics;
        metrics.declareCourierPurposes(
                Arrays.stream(CourierPurpose.values()).map(Enum::name).toList());
    }

    @Override
    public void execute(DelegateExecution execution) {
        CourierService.HandOff handOff = new CourierService.HandOff(
                string(execution, CaseVariables.CASE_NUMBER),
                CourierPurpose.valueOf(string(execution, CaseVariables.COURIER_PURPOSE)),
                CourierRecipient.valueOf(string(execution, CaseVariables.COURIER_RECIPIENT)),
                string(execution, CaseVariables.DISTRICT),
                string(execution, CaseVariables.DEPARTMENT),
                string(execution, CaseVariables.DEPARTMENT_NAME),
                string(execution, CaseVariables.ITEM_NAME),
                string(execution, CaseVariables.APPLICANT_NAME));

        CourierService.Shipment shipment;
        try {
            shipment = courier.handOff(handOff);
        } catch (CourierRefusedException refused) {
            metrics.courierHandOffFailed(handOff.purpose().name());
            log.warn("hand-off {} refused by the courier platform: {}", handOff.purpose(), refused.getMessage());
            throw handOffFailed(execution, refused.getMessage());
        } catch (CourierPlatformException unavailable) {
            metrics.courierHandOffFailed(handOff.purpose().name());
            log.warn("hand-off {} to the courier platform failed: {}", handOff.purpose(), unavailable.toString());
            if (!lastAttempt()) {
                throw unavailable;
            }
            throw handOffFailed(execution, "统一物流平台多次重试后仍未受理：" + unavailable.getMessage());
        }
        log.info("hand-off {} booked: tracking number {}", handOff.purpose(), shipment.trackingNumber());

        execution.setVariable(CaseVariables.TRACKING_NUMBER, shipment.trackingNumber());
    }

    private static BpmnError handOffFailed(DelegateExecution execution, String reason) {
        execution.setVariable(CaseVariables.HAND_OFF_FAILURE, reason);
        return new BpmnError(CaseVariables.ERROR_HAND_OFF_FAILED, reason);
    }

    /**
     * Whether this run of the hand-off job is its last: the engine counts the job's retries down on each failure
     * ({@code R3/PT1M}: 3, 2, 1) and raises an incident when a run with 1 left fails.
     */
    private static boolean lastAttempt() {
        JobEntity job = Context.getCommandContext() == null
                ? null
                : Context.getCommandContext().getCurrentJob();
        return job != null && job.getRetries() <= 1;
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null
                && (CaseVariables.COURIER_PURPOSE.equals(name) || CaseVariables.COURIER_RECIPIENT.equals(name))) {
            throw new IllegalStateException("variable " + name + " is not set: the model must give it as an input "
                    + "parameter of the hand-off task");
        }
        return value == null ? null : value.toString();
    }
}
