#!/usr/bin/env python3
"""Registers a LoRA engine version in a pipeline's loras.json, which the BLS model reads to pick the
denoiser version for a request's adapters (see pipelines/atelier_diffusion/pipeline.py, LoraVersions).

    python lora_manifest.py --pipeline sdxl --version 2 --adapter ink-sketch=0.8 [--adapter grain=0.3]
    python lora_manifest.py --pipeline sdxl --list

Triton loads the new version when the denoiser is (re)loaded: RepositoryModelLoad of the denoiser, then
of the pipeline (it reads loras.json in initialize). Standard library only.
"""
import argparse
import json
import pathlib

REPOSITORY = pathlib.Path(__file__).resolve().parent.parent / "model_repository"


def manifest_path(pipeline: str) -> pathlib.Path:
    path = REPOSITORY / pipeline / "loras.json"
    if not path.parent.is_dir():
        raise SystemExit(f"no pipeline {pipeline} in {REPOSITORY}")
    return path


def load(pipeline: str) -> dict:
    path = manifest_path(pipeline)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"base_version": 1, "versions": []}


def register(pipeline: str, version: int, adapters: dict) -> None:
    manifest = load(pipeline)
    if version == manifest.get("base_version", 1):
        raise SystemExit(f"version {version} is the base engine of {pipeline}; LoRA engines need another version")
    manifest["versions"] = [v for v in manifest["versions"] if v["version"] != version]
    manifest["versions"].append({"version": version, "adapters": adapters})
    manifest["versions"].sort(key=lambda v: v["version"])
    manifest_path(pipeline).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"{pipeline}: version {version} = {adapters}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pipeline", required=True, choices=["flux2", "sdxl", "sd35-large"])
    parser.add_argument("--version", type=int)
    parser.add_argument("--adapter", action="append", default=[], help="NAME=WEIGHT, as the portal's LoRA library names it")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    if args.list:
        print(json.dumps(load(args.pipeline), indent=2))
        return
    if args.version is None or not args.adapter:
        parser.error("--version and at least one --adapter are needed")
    register(args.pipeline, args.version, {name: float(weight) for name, weight in (a.split("=", 1) for a in args.adapter)})


if __name__ == "__main__":
    main()
