package org.calconfleet.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    @Query("select t from ApiToken t join fetch t.owner where t.tokenHash = :tokenHash")
    Optional<ApiToken> findByTokenHash(String tokenHash);

    @Query("select t from ApiToken t join fetch t.owner o where o.username = :username and t.revokedAt is null"
            + " order by t.createdAt desc, t.id desc")
    List<ApiToken> findActiveOf(String username);

    @Query("select t from ApiToken t join fetch t.owner o where t.revokedAt is null"
            + " order by o.username, t.createdAt desc, t.id desc")
    List<ApiToken> findAllActive();
}
