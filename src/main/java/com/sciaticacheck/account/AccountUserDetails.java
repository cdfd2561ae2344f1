package com.sciaticacheck.account;

import java.util.List;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Accounts as Spring Security reads them, by email address, for the password and the
 * passkey way alike. An account whose address is not confirmed is disabled. Nobody gets
 * an authority here: {@link SignIns} grants the clinic pages once the sign-in is complete
 * (a passkey, or a password from a confirmed device).
 */
@Component
class AccountUserDetails implements UserDetailsService {

	private final Accounts accounts;

	AccountUserDetails(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		Account account = this.accounts.byEmail(email)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return User.withUsername(account.email())
			.password(account.passwordHash())
			.disabled(!account.confirmed())
			.authorities(List.of())
			.build();
	}

}
