// Records real kubectl v1.32.4 output for the offline printer path
// `kubectl label -f <obj> zz- --local -o <format>` (labels must exist so the object is unchanged).
// Run: node lab-engine/kubectl/testdata/record-output-goldens.mjs  (rewrites output-goldens.json)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const inputs = JSON.parse(readFileSync(join(here, 'output-inputs.json'), 'utf8'));
const formats = JSON.parse(readFileSync(join(here, 'output-formats.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'kgold-'));
const cases = [];
for (const [name, obj] of Object.entries(inputs)) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(obj));
  for (const format of formats) {
    let stdout = '', stderr = '', code = 0;
    try {
      stdout = execFileSync('kubectl', ['label', '-f', file, 'zz-', '--local', '-o', format], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      stdout = e.stdout ?? ''; stderr = e.stderr ?? ''; code = e.status ?? 1;
    }
    cases.push({ input: name, format, stdout, stderr, code });
  }
}
writeFileSync(join(here, 'output-goldens.json'), JSON.stringify(cases, null, 1) + '\n');
console.log(`recorded ${cases.length} cases`);
