package io.gatehouse.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The class cache's training run sends the requests a real sync sends; when one of them stops being answered as it
 * expects (a changed status, a refused body), the run fails and ./run-server.sh would start without a cache, so
 * this test keeps the workload in step with the server.
 */
class TrainingWorkloadIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void everyTrainingRequestIsAnsweredAsAnEntraSyncExpects() {
        TrainingWorkload workload = new TrainingWorkload(json, environment);

        assertThatCode(() -> workload.run("http://127.0.0.1:" + port, OPERATOR_TOKEN, 20)).doesNotThrowAnyException();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE user_name LIKE 'training.%@training.invalid'")
                .query(Long.class).single()).isEqualTo(20);
    }

    @Test
    void theWorkloadIsOffUnlessTheLauncherSwitchesItOn() {
        assertThat(context.getBeansOfType(TrainingWorkload.class)).isEmpty();
    }
}
