package com.atelier.governance.provenance;

import com.upokecenter.cbor.CBORObject;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The assertions Atelier makes about an image, serialized as C2PA 2.x defines them (CBOR unless noted). Labels and
 * field names are the specification's; c2pa-rs validates against exactly these.
 */
final class ClaimAssertions {

    static final String ACTIONS = "c2pa.actions.v2";
    static final String DATA_HASH = "c2pa.hash.data";
    static final String INGREDIENT = "c2pa.ingredient.v3";
    /** CAWG's successor of the withdrawn {@code c2pa.training-mining} assertion. */
    static final String TRAINING_MINING = "cawg.training-mining";
    static final String GENERATION = "com.atelier.generation";

    /** IPTC digital source type for media created by a generative model. */
    static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    private static final List<String> TRAINING_MINING_USES = List.of(
            "cawg.ai_generative_training", "cawg.ai_inference", "cawg.ai_training", "cawg.data_mining");

    private ClaimAssertions() {
    }

    /** {@code c2pa.created} by the model, marked as trained-algorithmic media. */
    static Assertion createdActions(ProvenanceManifest.GenerationDetails generation) {
        CBORObject created = CBORObject.NewOrderedMap();
        created.Add("action", "c2pa.created");
        created.Add("digitalSourceType", TRAINED_ALGORITHMIC_MEDIA);
        created.Add("softwareAgent", agent(generation.model(), generation.modelVersion()));
        return actions(CBORObject.NewArray().Add(created));
    }

    /** {@code c2pa.opened} on the parent ingredient, then one action per edit. */
    static Assertion derivedActions(ProvenanceManifest manifest, CBORObject ingredientReference) {
        CBORObject agent = agent(manifest.generation().model(), manifest.generation().modelVersion());
        CBORObject opened = CBORObject.NewOrderedMap();
        opened.Add("action", "c2pa.opened");
        opened.Add("softwareAgent", agent);
        opened.Add("parameters", CBORObject.NewOrderedMap()
                .Add("ingredients", CBORObject.NewArray().Add(ingredientReference)));
        CBORObject list = CBORObject.NewArray().Add(opened);
        for (ProvenanceManifest.ImageEdit edit : manifest.edits()) {
            list.Add(CBORObject.NewOrderedMap().Add("action", edit.action()).Add("softwareAgent", agent));
        }
        return actions(list);
    }

    /** Every use by AI training, inference and data mining is refused. */
    static Assertion trainingMining() {
        CBORObject entries = CBORObject.NewOrderedMap();
        for (String use : TRAINING_MINING_USES) {
            entries.Add(use, CBORObject.NewOrderedMap().Add("use", "notAllowed"));
        }
        return Assertion.cbor(TRAINING_MINING, CBORObject.NewOrderedMap().Add("entries", entries).EncodeToBytes());
    }

    /** Atelier's own assertion, in JSON so anyone can read it with a JUMBF dump. */
    static Assertion generation(ProvenanceManifest.GenerationDetails generation) {
        CBORObject json = CBORObject.NewOrderedMap();
        json.Add("model", generation.model());
        json.Add("modelVersion", generation.modelVersion());
        CBORObject loras = CBORObject.NewArray();
        for (ProvenanceManifest.LoraUse lora : generation.loras()) {
            loras.Add(CBORObject.NewOrderedMap().Add("name", lora.name()).Add("sha256", lora.sha256()));
        }
        json.Add("loras", loras);
        json.Add("promptSha256", generation.promptSha256());
        generation.prompt().ifPresent(prompt -> json.Add("prompt", prompt));
        json.Add("workspace", generation.workspace());
        json.Add("jobId", generation.jobId());
        generation.assetId().ifPresent(assetId -> json.Add("assetId", assetId));
        json.Add("requester", generation.requester());
        return Assertion.json(GENERATION, json.ToJSONString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The hard binding: SHA-256 over the file with {@code [start, start + length)} (the embedded store) left out.
     * {@code pad} absorbs the few bytes by which CBOR's shortest integer encodings differ between the placeholder and
     * the real exclusion, so the store keeps the size it had when the exclusion was computed.
     */
    static Assertion dataHash(long start, long length, byte[] hash, int pad) {
        CBORObject exclusion = CBORObject.NewOrderedMap().Add("start", start).Add("length", length);
        CBORObject map = CBORObject.NewOrderedMap();
        map.Add("exclusions", CBORObject.NewArray().Add(exclusion));
        map.Add("name", "jumbf manifest");
        map.Add("alg", "sha256");
        map.Add("hash", hash);
        map.Add("pad", new byte[pad]);
        return Assertion.cbor(DATA_HASH, map.EncodeToBytes());
    }

    /**
     * The {@code parentOf} ingredient: the parent's active manifest and claim signature by hashed URI, with what our
     * verifier found when it checked the parent.
     */
    static Assertion parentIngredient(ProvenanceManifest.ParentIngredient parent, CBORObject activeManifest,
                                      CBORObject claimSignature, CBORObject validationResults) {
        CBORObject map = CBORObject.NewOrderedMap();
        map.Add("dc:title", parent.title());
        map.Add("dc:format", parent.format());
        map.Add("relationship", "parentOf");
        if (activeManifest != null) {
            map.Add("activeManifest", activeManifest);
            map.Add("claimSignature", claimSignature);
            map.Add("validationResults", validationResults);
        }
        return Assertion.cbor(INGREDIENT, map.EncodeToBytes());
    }

    /** A hashed URI ({@code hashed-uri-map}): where the box is and the SHA-256 of its contents. */
    static CBORObject hashedUri(String url, byte[] hash) {
        return CBORObject.NewOrderedMap().Add("url", url).Add("hash", hash);
    }

    private static Assertion actions(CBORObject list) {
        return Assertion.cbor(ACTIONS, CBORObject.NewOrderedMap().Add("actions", list).EncodeToBytes());
    }

    private static CBORObject agent(String name, String version) {
        return CBORObject.NewOrderedMap().Add("name", name).Add("version", version);
    }
}
