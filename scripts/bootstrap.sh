#!/usr/bin/env bash
# Install what StatKG needs on a Debian machine, then the Python virtualenv.
#   scripts/bootstrap.sh run   packages to run the platform (Pango and fonts for the PDFs)
#   scripts/bootstrap.sh test  the same, plus PostgreSQL, poppler, Chromium and its driver
#                              for the test suite, and axe-core (npm) into var/node/
# Debian packages are installed only when missing, with apt-get (as root, or through sudo).
# The virtualenv is rebuilt only when a requirements file changed.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-run}

debs=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-mono)
if [ "$profile" = test ]; then
  debs+=(poppler-utils postgresql redis-server wrk chromium chromium-driver)
  command -v npm >/dev/null || debs+=(npm)
fi
python3 -c 'import ensurepip, venv' 2>/dev/null || debs+=(python3-venv)

missing=()
for deb in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q 'ok installed' || missing+=("$deb")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

requirements=requirements.txt
[ "$profile" = test ] && requirements=requirements-dev.txt
stamp=.venv/.installed-$profile
digest=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
  echo "bootstrap: installing Python packages from $requirements"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r "$requirements"
  echo "$digest" > "$stamp"
fi
# axe-core, the accessibility checker the browser tests run inside each page
# (tests/chromium.py), pinned; installed here so the tests themselves run offline.
if [ "$profile" = test ]; then
  axe=4.14.1
  if [ "$(node -p "require('./var/node/node_modules/axe-core/package.json').version" 2>/dev/null)" != "$axe" ]; then
    echo "bootstrap: installing axe-core $axe from npm into var/node"
    mkdir -p var/node
    npm install -q --prefix var/node --no-save --no-package-lock --no-audit --no-fund "axe-core@$axe"
  fi
fi
# Compiled message catalogs are build output, made from locales/*/LC_MESSAGES/messages.po.
.venv/bin/pybabel -q compile -d locales -D messages
