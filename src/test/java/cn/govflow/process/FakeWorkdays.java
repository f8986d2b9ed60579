package cn.govflow.process;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Working days as calendar days: enough for the model's timers and due dates in process tests. */
public class FakeWorkdays {

    public Date after(Date date, int days) {
        return Date.from(date.toInstant().plus(Duration.ofDays(days)));
    }

    public Date fromNow(int days) {
        return after(ClockUtil.getCurrentTime(), days);
    }
}
