#!/usr/bin/env bash
# Records the real kubectl v1.32.4's stdout, stderr and exit code for every
# line of *.cmds (run with bash, in a copy of fixtures/, offline: only client-side
# paths) into <name>.golden.json, which the tests replay through the emulation.
# Usage: bash lab-engine/kubectl/testdata/record-goldens.sh [generators|local]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v kubectl >/dev/null 2>&1; then echo "record-goldens: skipped: kubectl is not installed" >&2; exit 0; fi
case "$(kubectl version --client 2>/dev/null | head -1)" in *v1.32.4*) ;; *) echo "record-goldens: skipped: need kubectl v1.32.4" >&2; exit 0;; esac
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for set in "${@:-generators}"; do
  out="$work/out"; mkdir -p "$out"; rm -f "$out"/*
  cp -r "$here/fixtures/." "$work/"
  i=0
  # Commands may span lines (quoted newlines): read with node into NUL-separated records.
  node -e '
    const fs=require("fs"); const t=fs.readFileSync(process.argv[1],"utf8");
    const recs=[]; let cur="", q=null;
    for (const ch of t) { if (q) { if (ch===q) q=null; cur+=ch; } else if (ch==="\x27"||ch==="\"") { q=ch; cur+=ch; } else if (ch==="\n") { if (cur.trim()) recs.push(cur); cur=""; } else cur+=ch; }
    if (cur.trim()) recs.push(cur);
    process.stdout.write(recs.join("\0")+"\0");' "$here/$set.cmds" > "$work/recs"
  while IFS= read -r -d '' cmd; do
    i=$((i+1))
    printf '%s' "$cmd" > "$out/$i.cmd"
    (cd "$work" && HOME=/nonexistent KUBECONFIG=/nonexistent/config eval "kubectl $cmd" >"$out/$i.out" 2>"$out/$i.err"; echo $? >"$out/$i.code") || true
  done < "$work/recs"
  node -e '
    const fs=require("fs"); const [dir,n,dest]=process.argv.slice(1); const r=[];
    for (let i=1;i<=+n;i++) r.push({cmd:fs.readFileSync(`${dir}/${i}.cmd`,"utf8"),stdout:fs.readFileSync(`${dir}/${i}.out`,"utf8"),stderr:fs.readFileSync(`${dir}/${i}.err`,"utf8"),code:+fs.readFileSync(`${dir}/${i}.code`,"utf8")});
    fs.writeFileSync(dest, JSON.stringify(r,null,1)+"\n"); console.log(`record-goldens: ${n} commands -> ${dest}`);' "$out" "$i" "$here/$set.golden.json"
done
