package cn.govflow.application;

import cn.govflow.application.Constraints.CourierNeedsAddress;
import cn.govflow.application.Constraints.CreditCodeChecksum;
import cn.govflow.application.Constraints.DistrictCode;
import cn.govflow.application.Constraints.IdTypeFitsApplicant;
import cn.govflow.application.Constraints.NewTownCode;
import cn.govflow.application.Constraints.ResidentIdChecksum;
import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/applications}: one applicant applies for one item (R11, R15, R28). */
record ApplicationRequest(
        @NotBlank @Size(max = 20) String itemCode,
        @NotNull Channel channel,
        @NotBlank @DistrictCode String district,
        @NewTownCode String newTown,
        @NotNull @Valid Applicant applicant,
        @NotBlank @Size(max = 50) String situation,
        @NotNull @Size(max = 100) List<@NotNull @Valid SuppliedMaterial> materials,
        @NotNull @Valid Delivery delivery,
        boolean commitment) {

    @ResidentIdChecksum
    @CreditCodeChecksum
    @IdTypeFitsApplicant
    record Applicant(
            @NotNull ApplicantType type,
            @NotBlank @Size(max = 200) String name,
            @NotNull IdType idType,
            @NotBlank String idNumber,
            @Pattern(regexp = "[0-9+\\- ]{5,30}", message = "联系电话只能由数字、空格、+ 和 - 组成，5 到 30 位") String phone,
            @Size(max = 500) String address) {}

    record SuppliedMaterial(@NotBlank @Size(max = 50) String code, @NotNull MaterialSource source) {}

    @CourierNeedsAddress
    record Delivery(@NotNull DeliveryMethod method, @Size(max = 500) String address) {}
}
