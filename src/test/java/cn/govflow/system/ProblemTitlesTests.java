package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemTitlesTests {

    @Test
    @DisplayName("Every status the API answers has a Chinese title")
    void chineseTitles() {
        assertThat(ProblemTitles.of(400)).isEqualTo("请求无效");
        assertThat(ProblemTitles.of(401)).isEqualTo("需要登录");
        assertThat(ProblemTitles.of(403)).isEqualTo("无权操作");
        assertThat(ProblemTitles.of(404)).isEqualTo("未找到");
        assertThat(ProblemTitles.of(405)).isEqualTo("不支持该请求方法");
        assertThat(ProblemTitles.of(409)).isEqualTo("与当前状态冲突");
        assertThat(ProblemTitles.of(415)).isEqualTo("不支持该请求格式");
        assertThat(ProblemTitles.of(422)).isEqualTo("不符合办理规则");
        assertThat(ProblemTitles.of(500)).isEqualTo("服务器内部错误");
        assertThat(ProblemTitles.of(503)).isEqualTo("服务暂不可用");
        assertThat(ProblemTitles.of(418)).isEqualTo("客户端错误");
    }

    @Test
    @DisplayName("Spring's English reason phrase gives way; a feature's own title stays")
    void localize() {
        ProblemDetail plain = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "缺少参数 year");
        assertThat(plain.getTitle()).isEqualTo("Bad Request");
        assertThat(ProblemTitles.localize(plain).getTitle()).isEqualTo("请求无效");
        ProblemDetail own = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "证照库中没有该证照");
        own.setTitle("证照不存在");
        assertThat(ProblemTitles.localize(own).getTitle()).isEqualTo("证照不存在");
    }
}
