package com.sciaticacheck.share;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ClientRepository extends ListCrudRepository<Client, Long> {

	Optional<Client> findByPublicIdAndAccountId(String publicId, Long accountId);

	List<Client> findByAccountIdOrderByLabel(Long accountId);

	boolean existsByAccountIdAndLabel(Long accountId, String label);

	@Modifying
	@Query("update client set follow_up_weeks = :weeks where id = :id")
	int setFollowUpWeeks(long id, Integer weeks);

}
