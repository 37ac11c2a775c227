package com.atelier.sdk.cli;

import com.atelier.sdk.asset.Asset;

import java.util.Locale;

/** The file name an asset is saved under: {@code <model>-<position>-<seed>.png}, unique within a job. */
final class AssetFiles {

    private AssetFiles() {
    }

    static String fileName(Asset asset) {
        // a model name comes from the server; keep it from reaching outside the output folder
        String model = asset.model().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return model + "-" + asset.position() + "-" + asset.seed() + "." + extension(asset.mediaType());
    }

    private static String extension(String mediaType) {
        if (mediaType == null || mediaType.equalsIgnoreCase("image/png")) {
            return "png";
        }
        String subtype = mediaType.substring(mediaType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        return subtype.equals("jpeg") ? "jpg" : subtype.replaceAll("[^a-z0-9]", "");
    }
}
