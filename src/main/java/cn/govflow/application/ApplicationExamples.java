package cn.govflow.application;

/** Examples of the intake's OpenAPI description (docs/api/openapi.json): realistic applications and an answer. */
final class ApplicationExamples {

    static final String FULL_ONLINE = """
            {"itemCode":"2022-FO-004","channel":"ONLINE","district":"yangpu",
             "applicant":{"type":"PERSON","name":"张三","idType":"RESIDENT_ID","idNumber":"310110199001011230",
                          "phone":"13800138000","address":"上海市杨浦区国权路 100 号"},
             "situation":"lost",
             "materials":[{"code":"licence-loss-statement","source":"UPLOAD"},{"code":"dog-photo","source":"UPLOAD"}],
             "delivery":{"method":"E_LICENCE"},"commitment":false}
            """;

    static final String DELEGATED = """
            {"itemCode":"2022-DI-026","channel":"ONLINE","district":"chongming",
             "applicant":{"type":"ENTERPRISE","name":"上海某医院有限公司","idType":"USCC","idNumber":"91110000802100433B"},
             "situation":"standard",
             "materials":[{"code":"application-form","source":"UPLOAD"},{"code":"advertisement-sample","source":"UPLOAD"}],
             "delivery":{"method":"E_LICENCE"},"commitment":false}
            """;

    static final String ANSWER = """
            {"caseNumber":"SH-20260105-YP-000001","mode":"FULL_ONLINE","processInstanceId":"8f0c2d1e-ea33-11f0-9c2b-0242ac120002",
             "voucher":{"number":"SJ-SH-20260105-YP-000001","issuedBy":"ONLINE","issuedByName":"在线出具电子收件凭证",
                        "issuedAt":"2026-01-05T02:15:30Z"},
             "acceptanceDecisionExpectedBy":"2026-01-12"}
            """;

    private ApplicationExamples() {}
}
