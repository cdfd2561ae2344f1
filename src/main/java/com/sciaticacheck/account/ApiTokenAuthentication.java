package com.sciaticacheck.account;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request to the links API that carried a current personal access token: it acts for
 * the token's account, on the links API only. It never holds {@link SignIns#CLINIC}, so
 * no clinic page opens with it, and it lives for one request: nothing stores it.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	/** The authority of a request with a current token: the links API needs it. */
	static final String LINKS_API = "LINKS_API";

	private final ClinicAccount account;

	ApiTokenAuthentication(ClinicAccount account) {
		super(List.of(new SimpleGrantedAuthority(LINKS_API)));
		this.account = account;
		setAuthenticated(true);
	}

	ClinicAccount account() {
		return this.account;
	}

	@Override
	public Object getCredentials() {
		// the token itself is not kept once checked
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.account;
	}

	@Override
	public String getName() {
		return this.account.email();
	}

}
