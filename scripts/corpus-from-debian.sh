#!/usr/bin/env bash
# The corpus of real workbooks for test/xlsx/corpus.test.ts (issue 10), taken from Debian packages
# that ship spreadsheets from their projects' test suites and examples. The packages are only
# downloaded (`apt-get download`, no dependencies, nothing installed); only their workbooks and
# each package's copyright file (licence and source) are extracted, one folder per package:
#
#   DEST/debs/*.deb                       the downloaded packages (kept as a cache)
#   DEST/files/PKG/copyright              the package's usr/share/doc/PKG/copyright
#   DEST/files/PKG/<path in package>      its .xlsx / .xlsm files (.xlsx.gz unpacked)
#
# Usage: scripts/corpus-from-debian.sh [DEST]   (DEST defaults to .cache/corpus in the clone)
# then:  CCHC_CORPUS_DIR=DEST/files npx jest test/xlsx/corpus.test.ts
# Prints the folder and the number of workbooks last. The list of packages and their licences is
# in test/fixtures/cases/README.md. Files that `fetch` brought are never committed; these are not
# committed either (DEST is git-ignored), CI downloads them each run.
set -euo pipefail

cd "$(dirname "$0")/.."
dest="${1:-.cache/corpus}"
mkdir -p "$dest/debs" "$dest/files"
dest="$(cd "$dest" && pwd)"

# Chosen by looking inside each (apt-file search -x '\.(xlsx|xlsm)(\.gz)?$'): every one holds real
# workbooks (made by Excel, Excel for Mac, Excel Online or LibreOffice) from a project's test suite,
# examples or templates. Left out: faust-common (47 MB for 6 files), rocketcea (31 MB, 1 file),
# pcp-testsuite (22 MB, 2 files) to keep CI short, and libevas-loaders (its .xlsx are not workbooks).
packages=(
  xlsx2csv
  r-cran-openxlsx
  r-cran-readxl
  r-cran-gdata
  r-cran-kutils
  r-cran-samr
  r-cran-officer
  r-cran-rlumshiny
  r-other-rajewsky-dropbead
  dynare
  golang-github-gabriel-vasile-mimetype-dev
  octave-io
  python3-anndata
  python3-canmatrix
  python3-pyutilib
  python3-xrt
  python-pomegranate-doc
  opa-fastfabric
  paml-doc
  fonts-sil-taiheritagepro
)

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "corpus-from-debian: apt-get and dpkg-deb are needed (a Debian or Ubuntu machine)" >&2
  exit 2
fi
if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi

# Which packages are not downloaded yet (the folder is a cache between runs).
wanted=()
for package in "${packages[@]}"; do
  compgen -G "$dest/debs/${package}_*.deb" >/dev/null || wanted+=("$package")
done
if [ "${#wanted[@]}" -gt 0 ]; then
  # Package lists start empty on a fresh machine.
  apt-cache show "${wanted[0]}" >/dev/null 2>&1 || "${sudo_cmd[@]}" apt-get update -qq
  available=()
  for package in "${wanted[@]}"; do
    if apt-cache show "$package" >/dev/null 2>&1; then available+=("$package"); else
      echo "corpus-from-debian: $package is not in this machine's package lists, skipped" >&2
    fi
  done
  if [ "${#available[@]}" -gt 0 ]; then
    # apt-get download writes into the current folder; as root it fetches as the _apt user, who
    # must be able to write there, or it warns (and downloads anyway, unsandboxed).
    chmod 777 "$dest/debs"
    (cd "$dest/debs" && apt-get download -q "${available[@]}")
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for deb in "$dest"/debs/*.deb; do
  package="$(dpkg-deb --field "$deb" Package)"
  out="$dest/files/$package"
  [ -f "$out/.done" ] && continue
  rm -rf "$out" "$work/x"
  mkdir -p "$out" "$work/x"
  # Only the workbooks and the copyright file; tar fails when a pattern matches nothing, which is
  # not an error here (the copyright always matches, the checks below count what came).
  dpkg-deb --fsys-tarfile "$deb" |
    tar -x -C "$work/x" --wildcards --no-anchored '*.xlsx' '*.xlsm' '*.xlsx.gz' "usr/share/doc/$package/copyright" 2>/dev/null || true
  if [ -f "$work/x/usr/share/doc/$package/copyright" ]; then
    cp "$work/x/usr/share/doc/$package/copyright" "$out/copyright"
  else
    echo "corpus-from-debian: $package has no usr/share/doc/$package/copyright; see its Debian page" >"$out/copyright"
  fi
  (
    cd "$work/x"
    find . -type f \( -name '*.xlsx' -o -name '*.xlsm' -o -name '*.xlsx.gz' \) -print0 |
      while IFS= read -r -d '' file; do
        target="$out/${file#./}"
        mkdir -p "$(dirname "$target")"
        case "$file" in
          *.gz) gunzip -c "$file" >"${target%.gz}" ;;
          *) cp "$file" "$target" ;;
        esac
      done
  )
  touch "$out/.done"
done

# A package may ship the same workbook twice (e.g. compressed under doc/ and plain elsewhere):
# keep one of each content, so the counts are of distinct workbooks.
find "$dest/files" -type f \( -name '*.xlsx' -o -name '*.xlsm' \) -print0 | sort -z | xargs -0 sha256sum |
  awk 'seen[$1]++ { sub(/^[0-9a-f]+  /, ""); print }' | while IFS= read -r duplicate; do rm -f "$duplicate"; done

count="$(find "$dest/files" -type f \( -name '*.xlsx' -o -name '*.xlsm' \) | wc -l)"
echo "corpus-from-debian: $count workbooks from $(find "$dest/files" -mindepth 1 -maxdepth 1 -type d | wc -l) packages in $dest/files"
[ "$count" -gt 0 ]
