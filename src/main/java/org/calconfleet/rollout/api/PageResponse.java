package org.calconfleet.rollout.api;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of rollouts or host runs and how many there are in all. */
record PageResponse<T>(List<T> items, int page, int size, long total) {

    static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
