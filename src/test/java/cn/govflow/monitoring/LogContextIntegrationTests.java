package cn.govflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.govflow.support.FullOnlineCases;
import cn.govflow.support.GovflowIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Every log line written while a case is worked carries its case number (MDC caseNumber). */
@GovflowIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogContextIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Test
    @DisplayName(
            "The e-licence delegate, run by a job, and the intake log with the case number in the log context and on the console")
    void delegateAndIntakeLogLinesCarryTheCaseNumber(CapturedOutput output) {
        ListAppender<ILoggingEvent> delegateLog = capture("cn.govflow.licence.IssueLicenceDelegate");
        ListAppender<ILoggingEvent> intakeLog = capture("cn.govflow.application.IntakeService");
        try {
            String caseNumber = FullOnlineCases.applyOverApi(rest);
            FullOnlineCases.approve(caseNumber, tasks, history);

            List<ILoggingEvent> issued = delegateLog.list.stream()
                    .filter(e -> e.getFormattedMessage().startsWith("e-licence ")
                            && caseNumber.equals(e.getMDCPropertyMap().get(CaseLogContext.KEY)))
                    .toList();
            assertThat(issued).as("the delegate's line of %s", caseNumber).hasSize(1);
            assertThat(issued.get(0).getFormattedMessage()).doesNotContain(caseNumber);
            assertThat(issued.get(0).getThreadName())
                    .as("run by the job executor, not the request")
                    .doesNotStartWith("http-nio");
            assertThat(intakeLog.list)
                    .anyMatch(e -> e.getFormattedMessage().startsWith("case " + caseNumber)
                            && caseNumber.equals(e.getMDCPropertyMap().get(CaseLogContext.KEY)));
            String line = output.getOut()
                    .lines()
                    .filter(l -> l.contains(issued.get(0).getFormattedMessage()))
                    .findFirst()
                    .orElseThrow();
            assertThat(line).as("the console pattern shows the case number").contains("[" + caseNumber + "]");
        } finally {
            release("cn.govflow.licence.IssueLicenceDelegate", delegateLog);
            release("cn.govflow.application.IntakeService", intakeLog);
        }
    }

    private static ListAppender<ILoggingEvent> capture(String logger) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
        return appender;
    }

    private static void release(String logger, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(logger)).detachAppender(appender);
        appender.stop();
    }
}
