package com.sciaticacheck.share;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface SubmissionRepository extends ListCrudRepository<Submission, Long> {

	List<Submission> findByShareLinkIdOrderBySubmittedAtDescIdDesc(Long shareLinkId);

	Optional<Submission> findByPublicIdAndShareLinkId(String publicId, Long shareLinkId);

	Optional<Submission> findByResultSecretHash(String resultSecretHash);

}
