package org.linli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Linli 邻里: one deployable for a whole district's neighbourhood service centres. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Linli", sharedModules = "platform")
public class LinliApplication {

    public static void main(String[] args) {
        SpringApplication.run(LinliApplication.class, args);
    }
}
