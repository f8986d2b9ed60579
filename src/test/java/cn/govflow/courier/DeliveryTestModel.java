package cn.govflow.courier;

import cn.govflow.support.JobExecutor;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The test model {@code delivery/delivery-test.bpmn} (licence → courier hand-off → delivery event) on the shared
 * application context: deploying it, starting cases, waiting for the job executor, and a listener that crashes a
 * job once after its delegate did its work.
 */
public final class DeliveryTestModel {

    public static final String MODEL = "delivery/delivery-test.bpmn";
    public static final String PROCESS = "DeliveryTestProcess";
    public static final String WAITING_FOR_DELIVERY = "CatchEvent_CourierDelivered";

    private DeliveryTestModel() {}

    /** Deploys the model (duplicates filtered) and starts a case at the licence step. */
    public static ProcessInstance startCase(
            RepositoryService repository, RuntimeService runtime, String caseNumber, String recipient) {
        repository
                .createDeployment()
                .name("delivery-test")
                .addClasspathResource(MODEL)
                .enableDuplicateFiltering(true)
                .deploy();
        return runtime.startProcessInstanceByKey(
                PROCESS,
                caseNumber,
                Map.of(
                        "caseNumber",
                        caseNumber,
                        "itemCode",
                        "310100-DOG-02",
                        "itemName",
                        "核发《养犬登记证》(补证)",
                        "department",
                        "public-security",
                        "departmentName",
                        "市公安局",
                        "district",
                        "yangpu",
                        "applicantName",
                        "张三",
                        "applicantIdMasked",
                        "3101**********1234",
                        "applicantType",
                        "PERSON",
                        "courierRecipientForTest",
                        recipient));
    }

    public static Job job(ManagementService management, ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** Waits for the job executor to get the case somewhere. */
    public static void await(String what, BooleanSupplier condition) {
        JobExecutor.awaitTrue(what, condition);
    }

    public static void awaitWaitingForDelivery(RuntimeService runtime, ProcessInstance instance) {
        await(
                "case " + instance.getBusinessKey() + " waits for the delivery event",
                () -> runtime.createExecutionQuery()
                                .processInstanceId(instance.getId())
                                .activityId(WAITING_FOR_DELIVERY)
                                .count()
                        == 1);
    }

    /** The job of the case failed at least once (its exception is recorded). */
    public static void awaitFailure(ManagementService management, ProcessInstance instance) {
        await("a failed job of case " + instance.getBusinessKey(), () -> {
            Job job = job(management, instance);
            return job != null && job.getExceptionMessage() != null;
        });
    }

    /** End listener of the delegates in the test model: crashes the job of one case once, after the delegate. */
    public static final class CrashOnce implements ExecutionListener {

        private static final AtomicReference<String> armedFor = new AtomicReference<>();

        public static void arm(String caseNumber) {
            armedFor.set(caseNumber);
        }

        public static void disarm() {
            armedFor.set(null);
        }

        @Override
        public void notify(DelegateExecution execution) {
            String caseNumber = (String) execution.getVariable("caseNumber");
            String armed = armedFor.get();
            if (armed != null && armed.equals(caseNumber) && armedFor.compareAndSet(armed, null)) {
                throw new IllegalStateException("simulated crash after " + execution.getCurrentActivityId()
                        + ", before the job's transaction committed");
            }
        }
    }
}
