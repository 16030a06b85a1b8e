package io.gatehouse.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured key-encryption keys: the first seals, every one of them opens (so values sealed under a previous
 * KEK keep opening while {@link Resealer} moves them to the current one).
 */
public final class KeyEncryptionKeys {

    private final KeyEncryptionKey current;
    private final Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();

    public KeyEncryptionKeys(List<KeyEncryptionKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key-encryption key is needed");
        }
        for (KeyEncryptionKey key : keys) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("key-encryption key id '" + key.id() + "' is configured twice");
            }
        }
        this.current = keys.get(0);
    }

    /** Reads keys separated by commas, whitespace or new lines; lines starting with # are comments. */
    public static KeyEncryptionKeys parse(String text) {
        List<KeyEncryptionKey> keys = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            for (String entry : line.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    keys.add(KeyEncryptionKey.parse(entry));
                }
            }
        }
        return new KeyEncryptionKeys(keys);
    }

    public KeyEncryptionKey current() {
        return current;
    }

    public Optional<KeyEncryptionKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
