#!/usr/bin/env bash
# Creates a DEVELOPMENT C2PA signing key for Atelier's Content Credentials, once:
#   DIR/signing.p12                 PKCS#12 with the end-entity key, its certificate and the CA chain
#                                   (alias atelier-signing, password $ATELIER_KEYSTORE_PASSWORD or atelier-dev)
#   DIR/trust/atelier-dev-root.pem  the development root, for atelier.provenance.trust-dir and validators
#   DIR/ca/                         the root's key, to issue a new signing certificate when rotating
# Does nothing when DIR/signing.p12 already exists. Production uses a key issued by a real CA (docs/provenance.md).
#
# Usage: deploy/provenance/dev-signing-key.sh DIR
#        deploy/provenance/dev-signing-key.sh --issue DIR NEW.p12   a NEW signing key from DIR's development CA, for
#                                                                 key rotation (POST /api/v1/provenance/signing-key)
# Then:  -Datelier.provenance.keystore=DIR/signing.p12 (trust directory defaults to DIR/trust)
set -euo pipefail
issue_to=""
if [[ "${1:-}" == "--issue" ]]; then
  issue_to="${3:?usage: $0 --issue DIR NEW.p12}"
  shift
fi
dir="${1:?usage: $0 DIR}"
password="${ATELIER_KEYSTORE_PASSWORD:-atelier-dev}"
alias_name="atelier-signing"

if [[ -z "$issue_to" && -f "$dir/signing.p12" ]]; then
  echo "$dir/signing.p12 exists; leaving it as it is"
  exit 0
fi
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }

mkdir -p "$dir/trust" "$dir/ca"
chmod 700 "$dir/ca"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -n "$issue_to" ]]; then
  [[ -f "$dir/ca/atelier-dev-root.key" ]] || { echo "no development CA in $dir/ca: run $0 $dir first" >&2; exit 1; }
fi

# Root CA: P-256, 10 years, may only sign certificates and CRLs.
cat > "$work/root.cnf" <<'CNF'
[req]
distinguished_name = dn
prompt = no
x509_extensions = root
[dn]
O = Atelier Development
CN = Atelier Development Root CA
[root]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CNF
if [[ -z "$issue_to" ]]; then
  openssl ecparam -name prime256v1 -genkey -noout -out "$dir/ca/atelier-dev-root.key" 2>/dev/null
  chmod 600 "$dir/ca/atelier-dev-root.key"
  openssl req -new -x509 -sha256 -days 3650 -config "$work/root.cnf" \
    -key "$dir/ca/atelier-dev-root.key" -out "$dir/trust/atelier-dev-root.pem"
fi

# End-entity signer, following the C2PA certificate profile: X.509 v3, critical keyUsage digitalSignature,
# EKU documentSigning (1.3.6.1.5.5.7.3.36) + emailProtection, never anyExtendedKeyUsage, not a CA.
cat > "$work/leaf.cnf" <<'CNF'
[req]
distinguished_name = dn
prompt = no
[dn]
O = Atelier Development
CN = Atelier Development Content Credentials
[leaf]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = 1.3.6.1.5.5.7.3.36, emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
openssl ecparam -name prime256v1 -genkey -noout -out "$work/leaf.key" 2>/dev/null
if [[ -n "$issue_to" ]]; then
  # a rotated key gets a name of its own, so reports tell the old and the new signer apart
  sed -i "s/^CN = .*/CN = Atelier Development Content Credentials $(date -u +%Y%m%dT%H%M%S)/" "$work/leaf.cnf"
fi
openssl req -new -sha256 -config "$work/leaf.cnf" -key "$work/leaf.key" -out "$work/leaf.csr"
openssl x509 -req -sha256 -days 730 -in "$work/leaf.csr" -CA "$dir/trust/atelier-dev-root.pem" \
  -CAkey "$dir/ca/atelier-dev-root.key" -CAcreateserial -CAserial "$dir/ca/atelier-dev-root.srl" \
  -extfile "$work/leaf.cnf" -extensions leaf -out "$work/leaf.pem" 2>/dev/null

# The keystore holds key, leaf and root; Atelier drops the root from the chain it embeds (C2PA forbids sending it).
ATELIER_P12_PASSWORD="$password" openssl pkcs12 -export -name "$alias_name" \
  -inkey "$work/leaf.key" -in "$work/leaf.pem" -certfile "$dir/trust/atelier-dev-root.pem" \
  -passout env:ATELIER_P12_PASSWORD -out "$work/signing.p12"
target="${issue_to:-$dir/signing.p12}"
mv "$work/signing.p12" "$target"
chmod 600 "$target"
echo "created $target (alias $alias_name), issued by $dir/trust/atelier-dev-root.pem"
