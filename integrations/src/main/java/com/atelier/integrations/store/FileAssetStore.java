package com.atelier.integrations.store;

import com.atelier.governance.asset.AssetStore;
import com.atelier.governance.digest.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Content-addressed image store on a file system (a shared volume when several nodes run): a file's name is the
 * SHA-256 of its bytes, fanned out by the first two hex digits. Writes go to a temporary file and are moved into
 * place, so a crash never leaves a half-written image under a valid name.
 */
@ApplicationScoped
public class FileAssetStore implements AssetStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Path root;

    protected FileAssetStore() {
        // for CDI proxies
    }

    @Inject
    public FileAssetStore(@ConfigProperty(name = "atelier.assets.dir") Optional<String> directory) {
        // default: beside WildFly's own data, which survives restarts of the server
        this.root = Path.of(directory.orElseGet(() -> System.getProperty("jboss.server.data.dir",
                System.getProperty("java.io.tmpdir")) + "/atelier-assets"));
    }

    @Override
    public String put(byte[] bytes) {
        String hash = Sha256.hex(bytes);
        Path target = pathOf(hash);
        if (Files.exists(target)) {
            return hash;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), hash, ".part");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an image in " + root, e);
        }
    }

    @Override
    public Optional<byte[]> get(String contentHash) {
        if (!SHA256.matcher(contentHash).matches()) {
            return Optional.empty();
        }
        try {
            Path path = pathOf(contentHash);
            return Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + contentHash + " from " + root, e);
        }
    }

    private Path pathOf(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }
}
