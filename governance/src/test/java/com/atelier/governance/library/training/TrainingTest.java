package com.atelier.governance.library.training;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.imaging.BoundedImageDecoderTest;
import com.atelier.governance.library.lora.BaseFamily;
import com.atelier.governance.library.lora.LoraInspector;
import com.atelier.governance.library.lora.LoraStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingTest {

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static TrainingParameters parameters(int rank) {
        return new TrainingParameters(rank, 1000, TrainingParameters.LearningRate.MEDIUM, "acmechair");
    }

    @Test
    void acceptsTenToThirtyPngAndJpegImages() {
        List<byte[]> files = new ArrayList<>(Collections.nCopies(9, image("png", 300, 256)));
        files.add(image("jpg", 256, 400));

        List<ReferenceImage> images = ReferenceImage.decodeAll(files);

        assertThat(images).hasSize(10);
        assertThat(images.get(9).format()).isEqualTo("jpeg");
        assertThat(images.get(0).image().getWidth()).isEqualTo(300);
    }

    @Test
    void refusesTooFewImagesSmallImagesAndOtherFormats() {
        assertThatThrownBy(() -> ReferenceImage.decodeAll(Collections.nCopies(9, image("png", 256, 256))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("images"));
        List<byte[]> files = new ArrayList<>(Collections.nCopies(10, image("png", 256, 256)));
        files.set(3, image("png", 255, 600));
        assertThatThrownBy(() -> ReferenceImage.decodeAll(files))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("images[3]");
                    assertThat(e.getMessage()).contains("255x600", "between 256 and 8192");
                });
        files.set(3, image("gif", 300, 300));
        assertThatThrownBy(() -> ReferenceImage.decodeAll(files)).hasMessageContaining("gif; send PNG or JPEG");
        files.set(3, "not an image at all".getBytes());
        assertThatThrownBy(() -> ReferenceImage.decodeAll(files)).hasMessageContaining("Not an image");
    }

    @Test
    void refusesUnknownRanksAndPresets() {
        assertThatThrownBy(() -> parameters(8)).hasMessageContaining("[16, 32, 64]");
        assertThatThrownBy(() -> TrainingParameters.LearningRate.of("fast")).hasMessageContaining("low, medium, high");
        assertThat(TrainingParameters.LearningRate.of("High").value()).isEqualTo(4e-4);
    }

    @Test
    void preparesADatasetOfScaledImagesWithTriggerWordCaptions() throws IOException {
        BufferedImage large = ReferenceImage.decode("i", image("png", 2048, 1536)).image();
        BufferedImage small = ReferenceImage.decode("i", image("png", 512, 256)).image();

        byte[] zip = TrainingDataset.zip(List.of(large, small), "acmechair");

        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("001.png", "001.txt", "002.png", "002.txt");
        assertThat(new String(entries.get("002.txt"))).isEqualTo("acmechair");
        BufferedImage first = ImageIO.read(new ByteArrayInputStream(entries.get("001.png")));
        assertThat(first.getWidth()).isEqualTo(1024);
        assertThat(first.getHeight()).isEqualTo(768);
        assertThat(ImageIO.read(new ByteArrayInputStream(entries.get("002.png"))).getWidth()).isEqualTo(512);
        assertThat(TrainingDataset.zip(List.of(large, small), "acmechair")).as("same images, same bytes")
                .isEqualTo(zip);
    }

    @ParameterizedTest
    @EnumSource(BaseFamily.class)
    void proceduralLorasPassInspectionForTheirFamilyAtEveryRank(BaseFamily family) {
        for (int rank : TrainingParameters.RANKS) {
            byte[] file = ProceduralLora.generate(family, rank, 42, Map.of());

            LoraStructure structure = LoraInspector.inspect(file, family);

            assertThat(structure.rank()).isEqualTo(rank);
            assertThat(structure.metadata()).containsEntry("atelier.procedural", "true")
                    .hasEntrySatisfying("atelier.note", note -> assertThat(note).contains("NOT a trained model"));
        }
        assertThat(ProceduralLora.generate(family, 16, 42, Map.of()))
                .isEqualTo(ProceduralLora.generate(family, 16, 42, Map.of()))
                .isNotEqualTo(ProceduralLora.generate(family, 16, 43, Map.of()));
    }

    @Test
    void proceduralBackendFinishesAfterFourPollsWithAFileForTheFamily() {
        var backend = new ProceduralTrainingBackend();
        String job = backend.submit(new TrainingRequest(UUID.randomUUID(), BaseFamily.SDXL, parameters(32),
                "ab".repeat(32), new byte[0]));

        assertThat(backend.progress(job).percent()).isEqualTo(25);
        backend.progress(job);
        backend.progress(job);
        TrainingProgress last = backend.progress(job);

        assertThat(last.finished()).isTrue();
        assertThat(LoraInspector.inspect(backend.result(job), BaseFamily.SDXL).rank()).isEqualTo(32);
        assertThat(backend.progress(job).failure()).isPresent();
    }

    @Test
    void aSetOfImagesTooLargeTogetherIsRefusedBeforeAnyIsDecoded() {
        // each within the per-image limits, 30 of them far beyond what the run may hold in memory at once
        List<byte[]> files = Collections.nCopies(ReferenceImage.MAX_IMAGES,
                BoundedImageDecoderTest.declaring(ReferenceImage.MAX_SIDE, ReferenceImage.MAX_SIDE));

        assertThatThrownBy(() -> ReferenceImage.decodeAll(files))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("images"))
                .hasMessageContaining("pixels together");
    }
}
