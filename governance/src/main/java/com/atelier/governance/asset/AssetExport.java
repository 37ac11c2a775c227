package com.atelier.governance.asset;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.provenance.ContentCredentials;
import com.atelier.governance.provenance.ProvenanceManifest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.json.JsonObject;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The files an approved asset leaves the portal as: the signed PNG itself, or a JPEG whose Content Credentials
 * name the PNG as their parent ingredient and record the transcoding, so the history stays verifiable.
 */
@ApplicationScoped
public class AssetExport {

    public static final String GENERATOR_VERSION = "0.1.0";
    private static final float JPEG_QUALITY = 0.92f;

    private ContentCredentials credentials;

    protected AssetExport() {
        // for CDI proxies
    }

    @Inject
    public AssetExport(ContentCredentials credentials) {
        this.credentials = credentials;
    }

    /** The export media type for {@code png} or {@code jpeg}; anything else is a 400. */
    public static String mediaType(String format) {
        return switch (format == null ? "png" : format) {
            case "png" -> "image/png";
            case "jpeg", "jpg" -> "image/jpeg";
            default -> throw new InvalidInputException("format", "An export is format=png or format=jpeg.");
        };
    }

    /** The signed JPEG of an approved asset whose stored (signed) PNG is {@code signedPng}. */
    public byte[] jpeg(Asset asset, byte[] signedPng) {
        var details = ProvenanceManifest.GenerationDetails.of(asset.model(), asset.modelVersion(), loras(asset),
                asset.prompt(), false, asset.workspace().slug(), asset.jobId().toString(),
                Optional.of(asset.id().toString()), asset.requester());
        var manifest = ProvenanceManifest.forDerivedImage("Atelier export of asset " + asset.id(),
                ProvenanceManifest.JPEG, GENERATOR_VERSION, details,
                new ProvenanceManifest.ParentIngredient("Atelier asset " + asset.id(), ProvenanceManifest.PNG,
                        signedPng),
                List.of(ProvenanceManifest.ImageEdit.TRANSCODED));
        return credentials.signJpeg(encodeJpeg(signedPng), manifest);
    }

    /** The LoRAs an asset was rendered with, by name and file SHA-256, as its provenance names them. */
    static List<ProvenanceManifest.LoraUse> loras(Asset asset) {
        return Jsonp.createReader(new StringReader(asset.loras())).readArray().stream()
                .map(v -> (JsonObject) v)
                .map(l -> new ProvenanceManifest.LoraUse(l.getString("name"), l.getString("sha256", "")))
                .toList();
    }

    private static byte[] encodeJpeg(byte[] png) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
            var graphics = rgb.createGraphics();
            graphics.drawImage(source, 0, 0, null);
            graphics.dispose();
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
