package cn.govflow.application;

import cn.govflow.application.Constraints.CourierNeedsAddress;
import cn.govflow.application.Constraints.CreditCodeChecksum;
import cn.govflow.application.Constraints.DistrictCode;
import cn.govflow.application.Constraints.IdTypeFitsApplicant;
import cn.govflow.application.Constraints.NewTownCode;
import cn.govflow.application.Constraints.ResidentIdChecksum;
import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.Channel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/applications}: one applicant applies for one item (R11, R15, R28). */
record ApplicationRequest(
        @Schema(description = "事项编号（GET /api/items）", example = "2022-FO-004") @NotBlank @Size(max = 20)
        String itemCode,

        @Schema(description = "申请渠道：网上（一网通办）或窗口") @NotNull Channel channel,

        @Schema(description = "办理所在区的拼音代码", example = "yangpu") @NotBlank @DistrictCode
        String district,

        @Schema(description = "新城代码（下放至新城的事项）", example = "jiading-new-town") @NewTownCode
        String newTown,

        @NotNull @Valid Applicant applicant,

        @Schema(description = "业务情形代码（事项的 situations）", example = "lost") @NotBlank @Size(max = 50)
        String situation,

        @Schema(description = "提交的材料；缺件时 422 一次列出全部缺少的材料（R11）") @NotNull @Size(max = 100)
        List<@NotNull @Valid SuppliedMaterial> materials,

        @NotNull @Valid Delivery delivery,
        @Schema(description = "申请人选择告知承诺（R29，事项允许时）") boolean commitment) {

    @ResidentIdChecksum
    @CreditCodeChecksum
    @IdTypeFitsApplicant
    record Applicant(
            @NotNull ApplicantType type,

            @Schema(description = "申请人姓名或单位名称", example = "张三") @NotBlank @Size(max = 200)
            String name,

            @NotNull IdType idType,

            @Schema(description = "居民身份证号码（GB 11643）或统一社会信用代码（GB 32100）", example = "310110199001011230") @NotBlank
            String idNumber,

            @Schema(example = "13800138000")
            @Pattern(regexp = "[0-9+\\- ]{5,30}", message = "联系电话只能由数字、空格、+ 和 - 组成，5 到 30 位")
            String phone,

            @Schema(example = "上海市杨浦区国权路 100 号") @Size(max = 500)
            String address) {}

    record SuppliedMaterial(
            @Schema(description = "材料代码", example = "dog-photo") @NotBlank @Size(max = 50)
            String code,

            @Schema(description = "上传、电子证照（免交，R8）或纸质") @NotNull
            MaterialSource source) {}

    @CourierNeedsAddress
    record Delivery(
            @Schema(description = "结果送达方式") @NotNull DeliveryMethod method,

            @Schema(description = "快递送达地址", example = "上海市杨浦区国权路 100 号") @Size(max = 500)
            String address) {}
}
