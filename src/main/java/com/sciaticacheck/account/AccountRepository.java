package com.sciaticacheck.account;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, Long> {

	Optional<Account> findByEmail(String email);

	@Modifying
	@Query("update account set email_confirmed_at = :now where id = :id and email_confirmed_at is null")
	int confirm(long id, Instant now);

	/** A new sign-up for an address never confirmed replaces the name and password. */
	@Modifying
	@Query("update account set display_name = :displayName, password_hash = :passwordHash "
			+ "where id = :id and email_confirmed_at is null")
	int replaceUnconfirmed(long id, String displayName, String passwordHash);

	@Modifying
	@Query("update account set password_hash = :passwordHash where id = :id")
	int changePassword(long id, String passwordHash);

}
