package io.gatehouse.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class SecretsConfig {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfig.class);

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(@Value("${gatehouse.secrets.kek:}") String kek,
            @Value("${gatehouse.secrets.kek-file:}") String kekFile,
            @Value("${spring.datasource.url:}") String datasourceUrl) {
        KeyEncryptionKeys keys = KekSource.load(kek, kekFile, datasourceUrl);
        log.info("Secrets: sealing under key-encryption key '{}' (opening with: {})", keys.current().id(),
                String.join(", ", keys.ids()));
        return keys;
    }

    @Bean
    SecretSealer secretSealer(KeyEncryptionKeys keys) {
        return new SecretSealer(keys);
    }

    @Bean
    Resealer resealer(SecretSealer sealer, JdbcClient jdbc, ObjectProvider<SealedColumn> columns) {
        return new Resealer(sealer, jdbc, columns.orderedStream().toList());
    }

    /**
     * Before the node serves anything (singletons are ready, the web server not yet started): values an older
     * version stored in clear are sealed, so an upgraded database keeps no plain private key past its first start.
     */
    @Bean
    SmartInitializingSingleton sealPlainValuesOnStart(ObjectProvider<Resealer> resealer) {
        return () -> resealer.getObject().sealPlainValues();
    }
}
