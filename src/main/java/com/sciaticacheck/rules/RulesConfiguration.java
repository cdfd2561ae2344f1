package com.sciaticacheck.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Loads the rule table once at start-up. A table that cannot be read or checked fails the
 * start, naming the row, rather than serving wrong scores.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	@Bean
	RuleTable ruleTable(@Value("${sciatica.rules.location:classpath:rules/risk-rules.md}") Resource location) {
		try {
			return RuleTableParser.parse(location.getFilename(), location.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Rule table " + location + " cannot be read", ex);
		}
	}

	@Bean
	RulesService rulesService(RuleTable ruleTable) {
		return new RulesService(ruleTable);
	}

}
