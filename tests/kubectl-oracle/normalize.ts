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
  if (/^(describe|events|get events|get ev)\b/.test(command)) {
    out = out.replace(AGE, '<age>').replace(/\(x\d+ over <age>\)/g, '(xN over <age>)');
  }
  return out;
}
