package cn.govflow.courier;

import cn.govflow.process.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${handOffToCourierDelegate}}: books a shipment with the courier platform for {@code courierPurpose} to
 * {@code courierRecipient} and writes {@code trackingNumber}. Runs asynchronously with retries; a failing platform
 * fails the job (retry, then an incident), and a retry never books twice (R10, R21).
 */
@Component("handOffToCourierDelegate")
class HandOffToCourierDelegate implements JavaDelegate {

    private final CourierService courier;

    HandOffToCourierDelegate(CourierService courier) {
        this.courier = courier;
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

        CourierService.Shipment shipment = courier.handOff(handOff);

        execution.setVariable(CaseVariables.TRACKING_NUMBER, shipment.trackingNumber());
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
