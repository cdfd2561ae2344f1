package com.sciaticacheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SciaticaCheckApplication {

	public static void main(String[] args) {
		SpringApplication.run(SciaticaCheckApplication.class, args);
	}

}
