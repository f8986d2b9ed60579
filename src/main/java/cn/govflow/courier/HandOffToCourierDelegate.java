package cn.govflow.courier;

import cn.govflow.monitoring.GovflowMetrics;
import cn.govflow.process.CaseVariables;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${handOffToCourierDelegate}}: books a shipment with the courier platform for {@code courierPurpose} to
 * {@code courierRecipient} and writes {@code trackingNumber}. Runs asynchronously with retries; a failing platform
 * fails the job (retry, then an incident), and a retry never books twice (R10, R21).
 */
@Component("handOffToCourierDelegate")
class HandOffToCourierDelegate implements JavaDelegate {

    static final String COURIER_PURPOSE = "courierPurpose";
    static final String COURIER_RECIPIENT = "courierRecipient";

    private static final Logger log = LoggerFactory.getLogger(HandOffToCourierDelegate.class);

    private final CourierService courier;
    private final GovflowMetrics metrics;

    HandOffToCourierDelegate(CourierService courier, GovflowMetrics metrics) {
        this.courier = courier;
        this.metrics = metrics;
        metrics.declareCourierPurposes(Arrays.stream(CourierPurpose.values()).map(Enum::name).toList());
    }

    @Override
    public void execute(DelegateExecution execution) {
        CourierService.HandOff handOff = new CourierService.HandOff(
                string(execution, CaseVariables.CASE_NUMBER),
                CourierPurpose.valueOf(string(execution, COURIER_PURPOSE)),
                CourierRecipient.valueOf(string(execution, COURIER_RECIPIENT)),
                string(execution, CaseVariables.DISTRICT),
                string(execution, CaseVariables.DEPARTMENT),
                string(execution, CaseVariables.DEPARTMENT_NAME),
                string(execution, CaseVariables.ITEM_NAME),
                string(execution, CaseVariables.APPLICANT_NAME));

        CourierService.Shipment shipment;
        try {
            shipment = courier.handOff(handOff);
        } catch (RuntimeException e) {
            metrics.courierHandOffFailed(handOff.purpose().name());
            log.warn("hand-off {} to the courier platform failed: {}", handOff.purpose(), e.toString());
            throw e;
        }
        log.info("hand-off {} booked: tracking number {}", handOff.purpose(), shipment.trackingNumber());

        execution.setVariable(CaseVariables.TRACKING_NUMBER, shipment.trackingNumber());
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null && (COURIER_PURPOSE.equals(name) || COURIER_RECIPIENT.equals(name))) {
            throw new IllegalStateException("variable " + name + " is not set: the model must give it as an input "
                    + "parameter of the hand-off task");
        }
        return value == null ? null : value.toString();
    }
}
