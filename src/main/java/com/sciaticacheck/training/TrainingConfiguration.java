package com.sciaticacheck.training;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The gate in front of every upload of training files. */
@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

	/** Before Spring Security's chain (order -100), whose CSRF check reads the body. */
	static final int GATE_ORDER = -110;

	@Bean
	FilterRegistrationBean<ImportGate> importGate(TrainingUploads uploads, TrainingSettings settings,
			@Value("${spring.servlet.multipart.max-request-size}") DataSize maxUpload) {
		FilterRegistrationBean<ImportGate> registration = new FilterRegistrationBean<>(
				new ImportGate(uploads, maxUpload, settings.concurrentImports()));
		registration.setOrder(GATE_ORDER);
		return registration;
	}

}
