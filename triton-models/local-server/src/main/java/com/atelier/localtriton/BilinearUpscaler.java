package com.atelier.localtriton;

import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.tensor.Half;
import com.atelier.inference.tensor.RawTensor;
import java.util.List;

/**
 * The local stand-in for the 4x super-resolution network: plain bilinear interpolation of the FP16
 * CHW tensor, four times larger. It adds no detail; it only keeps tensor names, types and shapes real.
 */
public final class BilinearUpscaler implements ServedModel {

    @Override
    public Execution prepare(RequestTensors inputs) {
        RawTensor image = inputs.require(ModelCatalog.UPSCALE_IMAGE.name());
        List<Long> shape = image.shape();
        if (shape.get(2) > ModelCatalog.UPSCALE_MAX_INPUT_SIDE || shape.get(3) > ModelCatalog.UPSCALE_MAX_INPUT_SIDE) {
            throw RequestTensors.invalid("upscaler_4x takes at most " + ModelCatalog.UPSCALE_MAX_INPUT_SIDE
                    + " pixels a side, got " + shape.get(3) + "x" + shape.get(2));
        }
        return new Execution(() -> List.of(upscale(image)), false);
    }

    private static RawTensor upscale(RawTensor image) {
        List<Long> shape = image.shape();
        int batch = Math.toIntExact(shape.get(0));
        int height = Math.toIntExact(shape.get(2));
        int width = Math.toIntExact(shape.get(3));
        int factor = ModelCatalog.UPSCALE_FACTOR;
        int outHeight = height * factor;
        int outWidth = width * factor;
        short[] in = image.asFp16();
        short[] out = new short[batch * 3 * outHeight * outWidth];
        for (int plane = 0; plane < batch * 3; plane++) {
            int inBase = plane * height * width;
            int outBase = plane * outHeight * outWidth;
            for (int y = 0; y < outHeight; y++) {
                double sy = Math.max(0, (y + 0.5) / factor - 0.5);
                int y0 = Math.min((int) sy, height - 1);
                int y1 = Math.min(y0 + 1, height - 1);
                float fy = (float) (sy - y0);
                for (int x = 0; x < outWidth; x++) {
                    double sx = Math.max(0, (x + 0.5) / factor - 0.5);
                    int x0 = Math.min((int) sx, width - 1);
                    int x1 = Math.min(x0 + 1, width - 1);
                    float fx = (float) (sx - x0);
                    float top = lerp(Half.toFloat(in[inBase + y0 * width + x0]), Half.toFloat(in[inBase + y0 * width + x1]), fx);
                    float bottom = lerp(Half.toFloat(in[inBase + y1 * width + x0]), Half.toFloat(in[inBase + y1 * width + x1]), fx);
                    out[outBase + y * outWidth + x] = Half.fromFloat(lerp(top, bottom, fy));
                }
            }
        }
        return RawTensor.fp16(ModelCatalog.UPSCALED_IMAGE.name(), List.of((long) batch, 3L, (long) outHeight, (long) outWidth), out);
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }
}
