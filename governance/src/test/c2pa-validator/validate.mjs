// Independent check of C2PA Content Credentials, used by Atelier's JUnit tests (C2paValidatorTest).
//
//   node validate.mjs [--trust-anchor root.pem] file...
//
// Prints one JSON document: for every file, what the reference implementation (c2pa-rs compiled to WebAssembly,
// @contentauth/c2pa-wasm) and a second, independent implementation (@trustnxt/c2pa-ts) report. Nothing is fetched
// from the network: remote manifests and OCSP are off, the trust anchor comes from the command line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, WasmReader } from '@contentauth/c2pa-wasm';
import { JPEG, PNG } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore, ValidationResult } from '@trustnxt/c2pa-ts/manifest';

const require = createRequire(import.meta.url);
initSync({ module: readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });

const args = process.argv.slice(2);
let trustAnchors = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--trust-anchor') {
    trustAnchors = readFileSync(args[++i], 'utf8');
  } else {
    files.push(args[i]);
  }
}

const settings = {
  verify: {
    verify_trust: trustAnchors !== null,
    verify_after_reading: true,
    remote_manifest_fetch: false,
    ocsp_fetch: false,
  },
  ...(trustAnchors !== null ? { trust: { trust_anchors: trustAnchors } } : {}),
};

function mimeOf(bytes) {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  return 'application/octet-stream';
}

async function c2paRs(mime, bytes) {
  try {
    const reader = await WasmReader.fromBytes(mime, bytes, JSON.stringify(settings));
    const store = JSON.parse(reader.json());
    const active = store.manifests?.[store.active_manifest] ?? {};
    const results = store.validation_results?.activeManifest ?? {};
    return {
      validationState: store.validation_state,
      activeManifest: store.active_manifest,
      success: (results.success ?? []).map((s) => s.code),
      informational: (results.informational ?? []).map((s) => s.code),
      failure: (results.failure ?? []).map((s) => s.code),
      failureDetails: (results.failure ?? []).map((s) => `${s.code} ${s.url ?? ''} ${s.explanation ?? ''}`.trim()),
      ingredientDeltas: store.validation_results?.ingredientDeltas ?? [],
      validationStatus: (store.validation_status ?? []).map((s) => s.code),
      signer: active.signature_info?.common_name ?? active.signature_info?.issuer ?? null,
      assertions: (active.assertions ?? []).map((a) => a.label),
      ingredients: (active.ingredients ?? []).map((i) => ({ title: i.title, relationship: i.relationship })),
    };
  } catch (e) {
    return { error: String(e?.message ?? e) };
  }
}

async function c2paTs(bytes) {
  try {
    let asset;
    if (JPEG.canRead(bytes)) asset = new JPEG(bytes);
    else if (PNG.canRead(bytes)) asset = new PNG(bytes);
    else return { error: 'unsupported format' };
    const jumbf = asset.getManifestJUMBF();
    if (!jumbf) return { error: 'no manifest' };
    let result;
    try {
      const manifests = ManifestStore.read(SuperBox.fromBuffer(jumbf));
      result = await manifests.validate(asset);
    } catch (e) {
      result = ValidationResult.fromError(e);
    }
    const entries = result.statusEntries ?? [];
    return {
      isValid: result.isValid,
      success: entries.filter((e) => e.success).map((e) => e.code),
      failure: entries.filter((e) => !e.success).map((e) => e.code),
    };
  } catch (e) {
    return { error: String(e?.message ?? e) };
  }
}

const report = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const mime = mimeOf(bytes);
  report.push({ file, mime, c2paRs: await c2paRs(mime, bytes), c2paTs: await c2paTs(bytes) });
}
console.log(JSON.stringify(report, null, 2));
