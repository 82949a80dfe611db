/**
 * What may legitimately differ between the real kubectl against the facade
 * and our kubectl against the engine: ages that kubectl computes on the
 * client from the wall clock (describe, events, rollout history) while the
 * engine runs on virtual time, and klog prefixes. Table AGE cells come from
 * the server (our printers) on both sides and are not normalised.
 */
const AGE = /(?<![\w.:/-])(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?<=\d[dhms])(?![\w.:/-])/g;

export function normalize(command: string, text: string): string {
  let out = text.replace(/^[EIW]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [^\]]+\] /gm, '');
  // the installed kubectl binary was built with a '-dispatcher' version suffix
  if (/^version\b/.test(command)) out = out.replace(/v1\.32\.4-dispatcher/g, 'v1.32.4');
  if (/^(describe|events|get events|get ev)\b/.test(command)) {
    // '<invalid>': kubectl's age of a (virtual-time) timestamp that lies ahead of the wall clock
    out = out.replace(AGE, '<age>').replace(/<invalid>/g, '<age>').replace(/\(x\d+ over <age>\)/g, '(xN over <age>)');
    // the Age column's width follows the (wall-clock) ages: align it loosely in event tables
    out = out.replace(/^(.*(?:<age>|\bAge\b|LAST SEEN|^\s+----\s).*)$/gm, (line) => line.replace(/ {2,}/g, '  '));
  }
  // describeLimitRangeSpec ranges over a Go map of resource names: the rows of one limit item come in a
  // random order on every run of the real kubectl. Compare them sorted.
  if (/^describe\s+(limitrange|limits|limitranges|ns|namespace|namespaces)\b/.test(command)) out = sortLimitRows(out);
  // cluster-info prints the kubeconfig's server address, which is the facade's loopback port
  if (/^cluster-info\b/.test(command)) out = out.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'https://controlplane:6443');
  return out;
}

function sortLimitRows(text: string): string {
  const lines = text.split('\n');
  const row = /^\s*(Container|Pod|PersistentVolumeClaim)\s/;
  for (let i = 0; i < lines.length; ) {
    if (!row.test(lines[i])) {
      i++;
      continue;
    }
    let j = i;
    const type = row.exec(lines[i])![1];
    while (j < lines.length && row.exec(lines[j])?.[1] === type) j++;
    const sorted = lines.slice(i, j).sort();
    lines.splice(i, j - i, ...sorted);
    i = j;
  }
  return lines.join('\n');
}
