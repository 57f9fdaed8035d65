package io.shuno;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ShunoApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShunoApplication.class, args);
    }
}
