#!/usr/bin/env bash
# Times the brand output check (PNG decode to a 64x64 sample, format check, k-means in Lab, CIEDE2000 to the
# palette) on 1024x1024 PNGs and the prompt rules on a typical prompt. Figures: docs/benchmarks.md (brand safety).
# Usage: bench/brand-safety/run.sh [warm-up-rounds] [measured-rounds]
# It compiles governance in place and runs against governance/target/classes: nothing is installed into ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -o -pl governance -am compile
out=bench/brand-safety/target/classes
mkdir -p "$out"
javac -d "$out" -cp governance/target/classes $(find bench/brand-safety/src -name '*.java')
java -Xms256m -Xmx256m -XX:+UseParallelGC -Djava.awt.headless=true -cp "$out:governance/target/classes" \
  com.atelier.bench.brandsafety.PaletteCheckBenchmark "${1:-300}" "${2:-1000}"
