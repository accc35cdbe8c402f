package org.calconfleet.fleet;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ExchangeServerRepository extends JpaRepository<ExchangeServer, Long>,
        JpaSpecificationExecutor<ExchangeServer> {

    boolean existsByHostNameIgnoreCase(String hostName);

    List<ExchangeServer> findByIdBetweenOrderById(long first, long last);

    Optional<ExchangeServer> findByHostNameIgnoreCase(String hostName);

    @Query("""
            select s.connectorKind, s.desiredPort, s.observedExchangePort, s.observedNotesPort, s.serviceState, count(s)
            from ExchangeServer s
            group by s.connectorKind, s.desiredPort, s.observedExchangePort, s.observedNotesPort, s.serviceState""")
    List<Object[]> countByPortState();

    @Query("""
            select s.connectorKind, s.desiredPort, s.observedExchangePort, s.observedNotesPort, s.serviceState, count(s)
            from ExchangeServer s where s.site in :sites
            group by s.connectorKind, s.desiredPort, s.observedExchangePort, s.observedNotesPort, s.serviceState""")
    List<Object[]> countByPortStateAt(Collection<String> sites);

    @Query("""
            select s.hostName from ExchangeServer s
            where s.credentialName = :credentialName or s.dominoCredentialName = :credentialName
            order by s.hostName""")
    List<String> findHostNamesByCredentialName(String credentialName);

    @Query("select s from ExchangeServer s where s.backendAddress like '%token=%'")
    List<ExchangeServer> findWithTokenInBackendAddress();

    /** Id, site and desired port of every server, as values (the fleet's entities cost far more to load). */
    @Query("select s.id, s.site, s.desiredPort from ExchangeServer s")
    List<Object[]> findDesiredPorts();

    @Query("select distinct s.site from ExchangeServer s order by s.site")
    List<String> findSites();
}
