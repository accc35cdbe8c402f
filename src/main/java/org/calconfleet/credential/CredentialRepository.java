package org.calconfleet.credential;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CredentialRepository extends JpaRepository<Credential, Long> {

    Optional<Credential> findByName(String name);

    boolean existsByName(String name);

    List<Credential> findAllByOrderByNameAsc();

    @Query("select c.name from Credential c order by c.name")
    List<String> findNames();

    /** At most one write a minute per credential: a rollout asks for a secret at every host step. */
    @Modifying
    @Query("""
            update Credential c set c.lastUsedAt = :now
            where c.name = :name and (c.lastUsedAt is null or c.lastUsedAt < :notBefore)""")
    int markUsed(String name, Instant now, Instant notBefore);
}
