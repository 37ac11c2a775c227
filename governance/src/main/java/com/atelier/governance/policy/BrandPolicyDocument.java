package com.atelier.governance.policy;

import com.atelier.governance.policy.prompt.RegexRule;
import com.atelier.governance.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/** A brand policy as the JSON document stored in brand_policy_version.policy, and back. */
final class BrandPolicyDocument {

    private BrandPolicyDocument() {
    }

    static JsonObject toJson(BrandPolicy policy) {
        var rules = Jsonp.createArrayBuilder();
        policy.regexRules().forEach(r -> rules.add(Jsonp.createObjectBuilder()
                .add("name", r.name())
                .add("pattern", r.pattern())
                .add("message", r.message())));
        var json = Jsonp.createObjectBuilder()
                .add("bannedTerms", strings(policy.bannedTerms()))
                .add("competitorMarks", strings(policy.competitorMarks()))
                .add("regexRules", rules)
                .add("triggerWords", strings(policy.triggerWords()))
                .add("promptPrefix", policy.promptPrefix())
                .add("promptSuffix", policy.promptSuffix());
        policy.maxPromptLength().ifPresentOrElse(max -> json.add("maxPromptLength", max),
                () -> json.addNull("maxPromptLength"));
        return json.add("palette", strings(policy.palette()))
                .add("paletteThreshold", policy.paletteThreshold())
                .add("allowPromptInManifest", policy.allowPromptInManifest())
                .build();
    }

    static String write(BrandPolicy policy) {
        return toJson(policy).toString();
    }

    static BrandPolicy read(String document) {
        try (var reader = Jsonp.createReader(new StringReader(document))) {
            JsonObject json = reader.readObject();
            List<RegexRule> rules = json.getJsonArray("regexRules").getValuesAs(JsonObject.class).stream()
                    .map(r -> new RegexRule(r.getString("name"), r.getString("pattern"), r.getString("message")))
                    .toList();
            JsonValue max = json.get("maxPromptLength");
            return new BrandPolicy(strings(json.getJsonArray("bannedTerms")),
                    strings(json.getJsonArray("competitorMarks")), rules, strings(json.getJsonArray("triggerWords")),
                    json.getString("promptPrefix"), json.getString("promptSuffix"),
                    max instanceof JsonNumber number ? Optional.of(number.intValue()) : Optional.empty(),
                    strings(json.getJsonArray("palette")), json.getJsonNumber("paletteThreshold").doubleValue(),
                    json.getBoolean("allowPromptInManifest"));
        }
    }

    static JsonArrayBuilder strings(List<String> values) {
        var array = Jsonp.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
