package cn.govflow.courier;

import cn.govflow.application.CaseDirectory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The applicant's address from the intake's case register ({@code gf_case}): the delivery address the applicant
 * gave, otherwise the applicant's address. Personal data is read here, at the moment of the hand-off, and never
 * copied into process variables.
 */
@Component
class CaseDirectoryRecipientAddresses implements RecipientAddresses {

    private final CaseDirectory cases;

    CaseDirectoryRecipientAddresses(CaseDirectory cases) {
        this.cases = cases;
    }

    @Override
    public Optional<PostalAddress> applicantAddress(String caseNumber) {
        return cases.find(caseNumber).flatMap(record -> {
            String address = present(record.deliveryAddress()) ? record.deliveryAddress() : record.address();
            return present(address)
                    ? Optional.of(new PostalAddress(record.applicantName(), record.phone(), address))
                    : Optional.empty();
        });
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
