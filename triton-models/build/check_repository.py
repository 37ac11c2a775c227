#!/usr/bin/env python3
"""Checks the Triton model repository without Triton, a GPU or any third-party package (Python 3.8+):

* every model directory has a config.pbtxt whose name is the directory's;
* every Python file under triton-models/ compiles (model.py files, pipelines/, build/);
* every backend "python" model has 1/model.py;
* every tensorrt_plan model has an `engine <name>` recipe in build/build_engines.sh;
* ensemble steps name existing models, map existing tensors, and produce every ensemble output;
* the BLS pipelines' SUBMODELS declarations (model.py) agree with the composing models' configs:
  the config parameter names them, each declared input exists with the declared type, every
  required input is declared, outputs exist, max_batch equals max_batch_size;
* loras.json files are well formed and the denoisers load all versions.

Exit status 0 when all hold; otherwise each problem on a line and status 1. Run by the Maven build
(PythonRepositoryCheckTest in local-server) and by hand: python3 triton-models/build/check_repository.py
"""
import ast
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
REPOSITORY = ROOT / "model_repository"
TOKEN = re.compile(r'\s+|#[^\n]*|("(?:[^"\\]|\\.)*")|([{}\[\]:,])|([^\s{}\[\]:,"#]+)')


def parse_pbtxt(text):
    """Protobuf text format into dicts of lists (every field is treated as repeated)."""
    tokens = []
    for match in TOKEN.finditer(text):
        if match.group(1):
            tokens.append(("str", json.loads(match.group(1))))
        elif match.group(2):
            tokens.append(("sym", match.group(2)))
        elif match.group(3):
            tokens.append(("atom", match.group(3)))
    position = 0

    def peek():
        return tokens[position] if position < len(tokens) else ("end", None)

    def take(expected=None):
        nonlocal position
        token = peek()
        if expected is not None and token != ("sym", expected):
            raise ValueError(f"expected '{expected}' at token {position}, found {token[1]!r}")
        position += 1
        return token

    def value():
        kind, text_value = peek()
        if (kind, text_value) == ("sym", "{"):
            take("{")
            return message("}")
        if (kind, text_value) == ("sym", "["):
            take("[")
            items = []
            while peek() != ("sym", "]"):
                items.append(value())
                if peek() == ("sym", ","):
                    take(",")
            take("]")
            return items
        take()
        if kind == "str":
            return text_value
        try:
            return int(text_value)
        except ValueError:
            return text_value  # enum or float text; the checks only compare them

    def message(end):
        fields = {}
        while peek() != (("sym", end) if end else ("end", None)):
            kind, name = take()
            if kind != "atom":
                raise ValueError(f"field name expected, found {name!r}")
            if peek() == ("sym", ":"):
                take(":")
            parsed = value()
            fields.setdefault(name, []).extend(parsed if isinstance(parsed, list) else [parsed])
            if peek() in (("sym", ","), ("sym", ";")):
                take()
        if end:
            take(end)
        return fields

    return message(None)


def first(fields, name, default=None):
    return fields.get(name, [default])[0]


def tensors(config, kind):
    return {first(t, "name"): t for t in config.get(kind, [])}


def check(problems):
    configs = {}
    for directory in sorted(p for p in REPOSITORY.iterdir() if p.is_dir()):
        path = directory / "config.pbtxt"
        if not path.exists():
            problems.append(f"{directory.name}: no config.pbtxt")
            continue
        try:
            configs[directory.name] = parse_pbtxt(path.read_text(encoding="utf-8"))
        except ValueError as e:
            problems.append(f"{directory.name}/config.pbtxt does not parse: {e}")
            continue
        if first(configs[directory.name], "name") != directory.name:
            problems.append(f"{directory.name}: config name is {first(configs[directory.name], 'name')!r}")

    for source in sorted(ROOT.rglob("*.py")):
        if "target" in source.parts:
            continue
        try:
            compile(source.read_text(encoding="utf-8"), str(source), "exec", dont_inherit=True)
        except SyntaxError as e:
            problems.append(f"{source.relative_to(ROOT)}:{e.lineno}: {e.msg}")

    recipes = set(re.findall(r"^\s*engine\s+(\S+)", (ROOT / "build" / "build_engines.sh").read_text(encoding="utf-8"), re.M))
    for name, config in configs.items():
        if first(config, "backend") == "python" and not (REPOSITORY / name / "1" / "model.py").exists():
            problems.append(f"{name}: backend python without 1/model.py")
        if first(config, "platform") == "tensorrt_plan" and name not in recipes:
            problems.append(f"{name}: tensorrt_plan model with no `engine {name}` recipe in build_engines.sh")
        if first(config, "platform") == "ensemble":
            check_ensemble(name, config, configs, problems)
        if (REPOSITORY / name / "1" / "model.py").exists():
            check_bls(name, config, configs, problems)


def check_ensemble(name, config, configs, problems):
    available = set(tensors(config, "input"))
    for step in first(config, "ensemble_scheduling", {}).get("step", []):
        model = first(step, "model_name")
        if model not in configs:
            problems.append(f"{name}: step model {model!r} is not in the repository")
            continue
        inputs, outputs = tensors(configs[model], "input"), tensors(configs[model], "output")
        mapped_in = {first(m, "key"): first(m, "value") for m in step.get("input_map", [])}
        for key, value in mapped_in.items():
            if key not in inputs:
                problems.append(f"{name}: step {model} has no input {key!r}")
            if value not in available:
                problems.append(f"{name}: step {model} reads {value!r}, which no earlier step or ensemble input provides")
        for required in (n for n, t in inputs.items() if first(t, "optional", "false") != "true"):
            if required not in mapped_in:
                problems.append(f"{name}: step {model} leaves required input {required!r} unmapped")
        for mapping in step.get("output_map", []):
            if first(mapping, "key") not in outputs:
                problems.append(f"{name}: step {model} has no output {first(mapping, 'key')!r}")
            available.add(first(mapping, "value"))
    for output in tensors(config, "output"):
        if output not in available:
            problems.append(f"{name}: ensemble output {output!r} is produced by no step")


def declared_submodels(path):
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "SUBMODELS" for t in node.targets):
            return ast.literal_eval(node.value)
    return None


def check_bls(name, config, configs, problems):
    declared = declared_submodels(REPOSITORY / name / "1" / "model.py")
    if declared is None:
        return  # a plain Python model (preprocessing), not a pipeline
    parameters = {first(p, "key"): first(first(p, "value"), "string_value") for p in config.get("parameters", [])}
    for role, spec in declared.items():
        specs = spec if isinstance(spec, list) else [spec]
        names = [n.strip() for n in parameters.get(role, "").split(",") if n.strip()]
        if len(names) != len(specs):
            problems.append(f"{name}: parameter {role} names {names}, model.py declares {len(specs)} model(s)")
            continue
        for model, declaration in zip(names, specs):
            where = f"{name} -> {model} ({role})"
            if model not in configs:
                problems.append(f"{where}: not in the repository")
                continue
            sub = configs[model]
            inputs, outputs = tensors(sub, "input"), tensors(sub, "output")
            for tensor, kind in declaration["inputs"].items():
                if tensor not in inputs:
                    problems.append(f"{where}: sends {tensor!r}, which the config does not declare")
                elif first(inputs[tensor], "data_type") != kind:
                    problems.append(f"{where}: sends {tensor!r} as {kind}, the config says {first(inputs[tensor], 'data_type')}")
            for tensor, spec_in in inputs.items():
                if first(spec_in, "optional", "false") != "true" and tensor not in declaration["inputs"]:
                    problems.append(f"{where}: does not send required input {tensor!r}")
            for tensor in declaration["outputs"]:
                if tensor not in outputs:
                    problems.append(f"{where}: reads output {tensor!r}, which the config does not declare")
            if declaration["max_batch"] != first(sub, "max_batch_size", 0):
                problems.append(f"{where}: max_batch {declaration['max_batch']} but max_batch_size {first(sub, 'max_batch_size', 0)}")
            if role == "denoiser" and "all" not in first(sub, "version_policy", {}):
                problems.append(f"{where}: the denoiser must load all versions (version_policy all) for LoRA versions")
    loras = REPOSITORY / name / "loras.json"
    if loras.exists():
        try:
            manifest = json.loads(loras.read_text(encoding="utf-8"))
            versions = [int(v["version"]) for v in manifest["versions"] if isinstance(v["adapters"], dict)]
            if int(manifest["base_version"]) in versions or len(set(versions)) != len(versions):
                problems.append(f"{name}/loras.json: versions must be distinct and differ from base_version")
        except (ValueError, KeyError, TypeError) as e:
            problems.append(f"{name}/loras.json is malformed: {e!r}")


def main():
    problems = []
    check(problems)
    for problem in problems:
        print(problem)
    models = sum(1 for p in REPOSITORY.iterdir() if (p / "config.pbtxt").exists())
    print(f"check_repository: {models} models, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
