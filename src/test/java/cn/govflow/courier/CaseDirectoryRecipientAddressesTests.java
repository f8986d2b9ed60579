package cn.govflow.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.govflow.application.CaseDirectory;
import cn.govflow.application.CaseRecord;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaseDirectoryRecipientAddressesTests {

    private final CaseDirectory cases = mock(CaseDirectory.class);
    private final CaseDirectoryRecipientAddresses addresses = new CaseDirectoryRecipientAddresses(cases);

    private static CaseRecord record(String deliveryAddress, String address) {
        CaseRecord record = mock(CaseRecord.class);
        when(record.applicantName()).thenReturn("张三");
        when(record.phone()).thenReturn("13800000000");
        when(record.deliveryAddress()).thenReturn(deliveryAddress);
        when(record.address()).thenReturn(address);
        return record;
    }

    @Test
    @DisplayName("R10: the applicant's delivery address comes from the case register, else the applicant's address")
    void deliveryAddressThenAddress() {
        CaseRecord withDeliveryAddress = record("杨浦区国和路 1 号", "浦东新区世纪大道 2 号");
        CaseRecord withBlankDeliveryAddress = record(" ", "浦东新区世纪大道 2 号");
        when(cases.find("C-1")).thenReturn(Optional.of(withDeliveryAddress));
        when(cases.find("C-2")).thenReturn(Optional.of(withBlankDeliveryAddress));

        assertThat(addresses.applicantAddress("C-1"))
                .contains(new RecipientAddresses.PostalAddress("张三", "13800000000", "杨浦区国和路 1 号"));
        assertThat(addresses.applicantAddress("C-2").orElseThrow().address()).isEqualTo("浦东新区世纪大道 2 号");
    }

    @Test
    @DisplayName("R10: a case without any address, or an unknown case, has no applicant address")
    void noAddress() {
        CaseRecord withoutAddress = record(null, null);
        when(cases.find("C-3")).thenReturn(Optional.of(withoutAddress));
        when(cases.find("C-4")).thenReturn(Optional.empty());

        assertThat(addresses.applicantAddress("C-3")).isEmpty();
        assertThat(addresses.applicantAddress("C-4")).isEmpty();
    }
}
