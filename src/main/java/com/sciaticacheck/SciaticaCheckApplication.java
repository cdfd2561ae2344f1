package com.sciaticacheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SciaticaCheckApplication {

	public static void main(String[] args) {
		SpringApplication.run(SciaticaCheckApplication.class, args);
	}

}
