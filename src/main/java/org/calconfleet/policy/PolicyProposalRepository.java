package org.calconfleet.policy;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PolicyProposalRepository extends Repository<PolicyProposal, Long> {

    /** At most one proposal is pending: a new one is refused while another waits. */
    @Query("select p from PolicyProposal p where p.state = org.calconfleet.policy.PolicyProposal.State.PENDING")
    Optional<PolicyProposal> findPending();

    Optional<PolicyProposal> findById(Long id);

    PolicyProposal save(PolicyProposal proposal);
}
