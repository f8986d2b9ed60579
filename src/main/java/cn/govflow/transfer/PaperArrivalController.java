package cn.govflow.transfer;

import cn.govflow.security.Authorities;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications/{caseNumber}/paper-arrived}: the city department confirms that the paper materials
 * of an entrusted-receipt case arrived (R3, R21). 200 with the confirmation; 403 for anyone outside
 * {@code city-<department>} of the case; 404 for an unknown case; 409 when the case waits for no paper.
 */
@RestController
class PaperArrivalController {

    private final PaperArrivals arrivals;

    PaperArrivalController(PaperArrivals arrivals) {
        this.arrivals = arrivals;
    }

    @PostMapping("/api/applications/{caseNumber}/paper-arrived")
    PaperArrivals.PaperArrival confirm(@PathVariable String caseNumber, Authentication caller) {
        return arrivals.confirm(caseNumber, caller.getName(), Authorities.groupsOf(caller));
    }
}
