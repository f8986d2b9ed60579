package cn.govflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** govflow: Shanghai 一网通办 cases in their three handling modes, on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GovflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovflowApplication.class, args);
    }
}
