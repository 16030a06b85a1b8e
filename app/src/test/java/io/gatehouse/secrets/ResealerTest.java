package io.gatehouse.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ResealerTest {

    private static final SealedColumn COLUMN = new SealedColumn("test-secret", "sealed_thing", "id", "secret");

    private JdbcClient jdbc;
    private final SecretSealer oldSealer = new SecretSealer(new KeyEncryptionKeys(List.of(SecretSealerTest.K1)));
    private final SecretSealer newSealer = new SecretSealer(
            new KeyEncryptionKeys(List.of(SecretSealerTest.K2, SecretSealerTest.K1)));

    @BeforeEach
    void table() {
        jdbc = JdbcClient.create(new DriverManagerDataSource(
                "jdbc:h2:mem:reseal" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.sql("CREATE TABLE sealed_thing (id BIGINT PRIMARY KEY, secret VARCHAR(1000))").update();
        for (int id = 1; id <= Resealer.BATCH * 2 + 7; id++) {
            jdbc.sql("INSERT INTO sealed_thing VALUES (?, ?)").params(id, oldSealer.seal("test-secret",
                    Integer.toString(id), "secret " + id)).update();
        }
        jdbc.sql("INSERT INTO sealed_thing VALUES (0, NULL)").update();
    }

    @Test
    void everyValueMovesToTheCurrentKeyAndStillOpens() {
        Resealer resealer = new Resealer(newSealer, jdbc, List.of(COLUMN));
        assertThat(resealer.remaining()).isEqualTo(Map.of("test-secret", Resealer.BATCH * 2 + 7));

        assertThat(resealer.resealAll()).isEqualTo(Map.of("test-secret", Resealer.BATCH * 2 + 7));

        assertThat(resealer.remaining()).isEqualTo(Map.of("test-secret", 0));
        SecretSealer onlyNew = new SecretSealer(new KeyEncryptionKeys(List.of(SecretSealerTest.K2)));
        String sealed = jdbc.sql("SELECT secret FROM sealed_thing WHERE id = 5").query(String.class).single();
        assertThat(sealed).startsWith("s1.k2.");
        assertThat(onlyNew.openText("test-secret", "5", sealed)).isEqualTo("secret 5");
        assertThat(resealer.resealAll()).isEqualTo(Map.of("test-secret", 0));
    }

    @Test
    void withoutTheOldKeyNothingOpensAndNothingIsRewritten() {
        Resealer withoutOld = new Resealer(new SecretSealer(new KeyEncryptionKeys(List.of(SecretSealerTest.K2))), jdbc,
                List.of(COLUMN));

        assertThatThrownBy(withoutOld::resealAll).isInstanceOf(SealedSecretException.class).hasMessageContaining("k1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sealed_thing WHERE secret LIKE 's1.k1.%'").query(Integer.class)
                .single()).isEqualTo(Resealer.BATCH * 2 + 7);
    }
}
