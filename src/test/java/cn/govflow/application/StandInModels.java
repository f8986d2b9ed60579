package cn.govflow.application;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;

/**
 * TEST FIXTURE: a minimal stand-in for {@code EntrustedReceiptProcess} (same process id), deployed only when no
 * definition of that id is deployed — i.e. while the real model {@code processes/entrusted-receipt.bpmn} is not on
 * main yet. Delete it (and this class's entry) once the real model lands.
 */
final class StandInModels {

    // FullOnlineProcess and DelegatedImplementationProcess are on main: the tests run the real models.
    private static final Map<String, String> STAND_INS = Map.of(
            "EntrustedReceiptProcess", "intake/entrusted-receipt-stand-in.bpmn");

    private StandInModels() {}

    static synchronized void deployMissing(RepositoryService repository) {
        STAND_INS.forEach((key, resource) -> {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
                repository.createDeployment().name("intake test stand-in " + key).enableDuplicateFiltering(true)
                        .addClasspathResource(resource).deploy();
            }
        });
    }
}
