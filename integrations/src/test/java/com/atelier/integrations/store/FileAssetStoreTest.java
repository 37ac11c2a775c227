package com.atelier.integrations.store;

import com.atelier.governance.digest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FileAssetStoreTest {

    @TempDir
    Path root;

    @Test
    void storesBytesUnderTheirSha256OnceAndReadsThemBack() throws IOException {
        var store = new FileAssetStore(Optional.of(root.toString()));
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        String first = store.put(image);
        String second = store.put(image);

        assertThat(first).isEqualTo(Sha256.hex(image)).isEqualTo(second);
        assertThat(store.get(first)).hasValue(image);
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).singleElement()
                    .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo(first));
        }
    }

    @Test
    void unknownOrMalformedHashesFindNothing() {
        var store = new FileAssetStore(Optional.of(root.toString()));

        assertThat(store.get("0".repeat(64))).isEmpty();
        assertThat(store.get("../../etc/passwd")).isEmpty();
    }
}
