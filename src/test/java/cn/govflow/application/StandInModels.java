package cn.govflow.application;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;

/**
 * TEST FIXTURES: minimal stand-ins for the three mode processes (same process ids), deployed only for a process
 * id that has no deployed definition — i.e. while the real models of {@code processes/} are not on main yet.
 */
final class StandInModels {

    private static final Map<String, String> STAND_INS = Map.of(
            "FullOnlineProcess", "intake/full-online-stand-in.bpmn",
            "DelegatedImplementationProcess", "intake/delegated-implementation-stand-in.bpmn",
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
