package com.sciaticacheck.account;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sciaticacheck.system.PublicAddress;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The passkey relying party. Passkeys are bound to a host name, never an IP address: the
 * public address's host ({@code sciatica.share.public-url}) in a deployment, else
 * {@code localhost}. The one origin allowed is the public address's, or, without one,
 * {@code http://localhost} on the port the server took (known only once it started).
 * Passkeys and their owners live in the database, in Spring Security's own tables.
 */
@Configuration(proxyBeanMethods = false)
class RelyingParty {

	static final String NAME = "Sciatica Check";

	private final PublicAddress address;

	/** Read at each ceremony, so the port can be added after the server starts. */
	private final Set<String> allowedOrigins = ConcurrentHashMap.newKeySet();

	RelyingParty(PublicAddress address) {
		this.address = address;
		address.configured().ifPresent((url) -> this.allowedOrigins.add(origin(url)));
	}

	String id() {
		return this.address.configured().map(URI::getHost).orElse("localhost");
	}

	@EventListener
	void serverStarted(WebServerInitializedEvent event) {
		if (this.address.configured().isEmpty() && event.getApplicationContext().getServerNamespace() == null) {
			this.allowedOrigins.add("http://localhost:" + event.getWebServer().getPort());
		}
	}

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyOwners(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	/** Named apart from {@link Passkeys}, whose bean is called {@code passkeys}. */
	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}

	@Bean
	WebAuthnRelyingPartyOperations relyingPartyOperations(PublicKeyCredentialUserEntityRepository owners,
			UserCredentialRepository passkeys) {
		return new Webauthn4JRelyingPartyOperations(owners, passkeys,
				PublicKeyCredentialRpEntity.builder().id(id()).name(NAME).build(), this.allowedOrigins);
	}

	private static String origin(URI url) {
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "");
	}

}
