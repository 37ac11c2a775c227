package com.atelier.localtriton;

import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.tensor.RawTensor;
import java.util.List;

/**
 * The local stand-in for the safety classifier. It is NOT a safety model: each category's score is a
 * deterministic colour statistic (skin-tone share, saturated-red share, dark-red share, stark
 * black-and-white share), so that pipelines and thresholds can be exercised with the same tensors.
 */
public final class ColourStatisticsClassifier implements ServedModel {

    @Override
    public Execution prepare(RequestTensors inputs) {
        RawTensor image = inputs.require(ModelCatalog.SAFETY_IMAGE.name());
        return new Execution(() -> List.of(score(image)), false);
    }

    private static RawTensor score(RawTensor image) {
        List<Long> shape = image.shape();
        int batch = Math.toIntExact(shape.get(0));
        int pixels = Math.toIntExact(shape.get(1) * shape.get(2));
        byte[] hwc = image.data().toByteArray();
        int categories = ModelCatalog.SAFETY_CATEGORIES.size();
        float[] scores = new float[batch * categories];
        for (int b = 0; b < batch; b++) {
            long skin = 0;
            long red = 0;
            long darkRed = 0;
            long stark = 0;
            for (int p = 0; p < pixels; p++) {
                int offset = (b * pixels + p) * 3;
                int r = hwc[offset] & 0xff;
                int g = hwc[offset + 1] & 0xff;
                int bl = hwc[offset + 2] & 0xff;
                if (r > 95 && g > 40 && bl > 20 && r > g && r > bl && r - Math.min(g, bl) > 15 && Math.abs(r - g) > 15) {
                    skin++;
                }
                if (r > 150 && g < 80 && bl < 80) {
                    red++;
                }
                if (r > 60 && r < 150 && g < 40 && bl < 40) {
                    darkRed++;
                }
                int max = Math.max(r, Math.max(g, bl));
                int min = Math.min(r, Math.min(g, bl));
                if (max - min < 20 && (max < 30 || min > 225)) {
                    stark++;
                }
            }
            int base = b * categories;
            scores[base] = share(skin, pixels) * 0.9f;
            scores[base + 1] = share(red, pixels);
            scores[base + 2] = share(darkRed, pixels);
            scores[base + 3] = share(stark, pixels) * 0.3f;
            scores[base + 4] = 0.01f;
        }
        return RawTensor.fp32(ModelCatalog.SAFETY_SCORES.name(), List.of((long) batch, (long) categories), scores);
    }

    private static float share(long count, int total) {
        return total == 0 ? 0f : (float) count / total;
    }
}
