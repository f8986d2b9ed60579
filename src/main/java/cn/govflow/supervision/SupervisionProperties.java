package cn.govflow.supervision;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code govflow.supervision.spot-check-rate}: the share of district approvals drawn for a spot check. */
@Validated
@ConfigurationProperties("govflow.supervision")
record SupervisionProperties(
        @DefaultValue("0.10") @DecimalMin("0.0") @DecimalMax("1.0")
        double spotCheckRate) {}
