package io.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No other product's name anywhere in the code or templates: the product is named by configuration only. */
class NoOtherProductNameTest {

    private static final List<String> OTHER_NAMES = List.of("contractbook");

    @Test
    void theSourcesAndTemplatesNameNoOtherProduct() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<String> hits = files.filter(Files::isRegularFile).filter(p -> {
                try {
                    String text = Files.readString(p).toLowerCase(Locale.ROOT);
                    return OTHER_NAMES.stream().anyMatch(text::contains);
                } catch (IOException | java.io.UncheckedIOException notText) {
                    return false;
                }
            }).map(Path::toString).toList();
            assertThat(hits).isEmpty();
        }
    }
}
