package com.atelier.governance.policy;

import com.atelier.governance.policy.prompt.RegexRule;
import com.atelier.governance.digest.Sha256;
import com.atelier.governance.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit summary of a brand policy edit: before and after (version and SHA-256 of the stored document), and per
 * changed field what was added and removed, or the old and new value. Lists in the summary are capped so that an
 * edit of a long term list does not make an unreadable audit entry; the hashes identify the full documents.
 */
final class BrandPolicyChanges {

    /** The most list entries shown per field and direction. */
    static final int SHOWN = 50;

    private BrandPolicyChanges() {
    }

    static String summary(VersionedBrandPolicy before, VersionedBrandPolicy after) {
        JsonObjectBuilder changes = Jsonp.createObjectBuilder();
        BrandPolicy old = before.policy();
        BrandPolicy now = after.policy();
        list(changes, "bannedTerms", old.bannedTerms(), now.bannedTerms());
        list(changes, "competitorMarks", old.competitorMarks(), now.competitorMarks());
        list(changes, "regexRules", names(old.regexRules()), names(now.regexRules()));
        List<String> edited = old.regexRules().stream()
                .filter(r -> now.regexRules().stream().anyMatch(n -> n.name().equals(r.name()) && !n.equals(r)))
                .map(RegexRule::name)
                .toList();
        if (!edited.isEmpty()) {
            changes.add("regexRulesEdited", BrandPolicyDocument.strings(edited));
        }
        list(changes, "triggerWords", old.triggerWords(), now.triggerWords());
        value(changes, "promptPrefix", old.promptPrefix(), now.promptPrefix());
        value(changes, "promptSuffix", old.promptSuffix(), now.promptSuffix());
        value(changes, "maxPromptLength", old.maxPromptLength().map(String::valueOf).orElse("portal default"),
                now.maxPromptLength().map(String::valueOf).orElse("portal default"));
        list(changes, "palette", old.palette(), now.palette());
        value(changes, "paletteThreshold", String.valueOf(old.paletteThreshold()),
                String.valueOf(now.paletteThreshold()));
        value(changes, "allowPromptInManifest", String.valueOf(old.allowPromptInManifest()),
                String.valueOf(now.allowPromptInManifest()));
        return Jsonp.createObjectBuilder()
                .add("before", side(before))
                .add("after", side(after))
                .add("changes", changes)
                .build().toString();
    }

    private static JsonObject side(VersionedBrandPolicy version) {
        return Jsonp.createObjectBuilder()
                .add("version", version.version())
                .add("sha256", Sha256.hex(BrandPolicyDocument.write(version.policy())))
                .build();
    }

    private static void list(JsonObjectBuilder changes, String field, List<String> before, List<String> after) {
        List<String> added = without(after, before);
        List<String> removed = without(before, after);
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        JsonObjectBuilder change = Jsonp.createObjectBuilder();
        shown(change, "added", added);
        shown(change, "removed", removed);
        changes.add(field, change);
    }

    private static void shown(JsonObjectBuilder change, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        change.add(key, BrandPolicyDocument.strings(values.subList(0, Math.min(SHOWN, values.size()))));
        if (values.size() > SHOWN) {
            change.add(key + "More", values.size() - SHOWN);
        }
    }

    private static void value(JsonObjectBuilder changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field, Jsonp.createObjectBuilder().add("before", before).add("after", after));
        }
    }

    private static List<String> without(List<String> values, List<String> removed) {
        List<String> rest = new ArrayList<>(values);
        rest.removeAll(removed);
        return rest;
    }

    private static List<String> names(List<RegexRule> rules) {
        return rules.stream().map(RegexRule::name).toList();
    }
}
