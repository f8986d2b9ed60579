package cn.govflow.courier;

import java.util.Optional;

/** The applicant's postal address, kept with the case outside the process variables (personal data). */
public interface RecipientAddresses {

    record PostalAddress(String name, String phone, String address) {}

    Optional<PostalAddress> applicantAddress(String caseNumber);
}
