package com.sciaticacheck.system;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every text the app shows, from {@code messages.properties}: the source Spring Boot
 * would configure, except that each thread formats messages with arguments on its own
 * copy of the message's format. Spring formats under a lock on one shared copy per
 * message, and a result page formats about twenty (score, points, sources): under load
 * its requests queued on those locks (about 2,000 waits in a 20 s flight recording).
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource() {
		PerThreadFormats messages = new PerThreadFormats();
		messages.setBasename("messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		// every text is English for now: never the server's own language
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/**
	 * Resolves each message's format once per thread, from the shared one, so formatting
	 * never waits for another thread.
	 */
	static final class PerThreadFormats extends ResourceBundleMessageSource {

		private final ThreadLocal<Map<Locale, Map<String, MessageFormat>>> formats = ThreadLocal
			.withInitial(HashMap::new);

		@Override
		protected MessageFormat resolveCode(String code, Locale locale) {
			Map<String, MessageFormat> mine = this.formats.get().computeIfAbsent(locale, (key) -> new HashMap<>());
			if (mine.containsKey(code)) {
				return mine.get(code);
			}
			MessageFormat shared = super.resolveCode(code, locale);
			MessageFormat copy = (shared != null) ? (MessageFormat) shared.clone() : null;
			mine.put(code, copy);
			return copy;
		}

	}

}
