import { badRequest } from '../errors';

/**
 * Label selectors: the string syntax of apimachinery/pkg/labels/selector.go
 * (`a=b,c!=d,e in (f,g),!h,i`) and metav1.LabelSelector (matchLabels +
 * matchExpressions). A parsed selector is a list of requirements, all of which
 * must hold.
 */
export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = Requirement[];

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function matches(selector: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
      case '==':
      case 'in':
        if (!has || !r.values.includes(v)) return false;
        break;
      case '!=':
      case 'notin':
        if (has && r.values.includes(v)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case 'gt':
      case 'lt': {
        if (!has) return false;
        const n = Number(v);
        const bound = Number(r.values[0]);
        if (!Number.isInteger(n) || !(r.op === 'gt' ? n > bound : n < bound)) return false;
        break;
      }
    }
  }
  return true;
}

/** metav1.LabelSelectorAsSelector. An empty selector matches everything; undefined matches nothing. */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector | null {
  if (!ls) return null;
  const out: Selector = [];
  for (const k of Object.keys(ls.matchLabels ?? {}).sort()) out.push({ key: k, op: '=', values: [ls.matchLabels![k]] });
  for (const e of ls.matchExpressions ?? []) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as Record<string, Operator>)[e.operator];
    if (!op) throw badRequest(`"${e.operator}" is not a valid label selector operator`);
    out.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  return out;
}

export function matchesLabelSelector(ls: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  const sel = fromLabelSelector(ls);
  return sel !== null && matches(sel, labels);
}

/**
 * Parses the string form. Errors carry the apimachinery parser's wording
 * (`unable to parse requirement: …`) so kubectl prints what it prints.
 */
export function parseSelector(input: string): Selector {
  const s = input.trim();
  if (s === '') return [];
  const out: Selector = [];
  for (const part of splitTopLevel(s)) out.push(parseRequirement(part.trim(), s));
  return out;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

const SET_RE = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/;
const CMP_RE = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/;

function parseRequirement(part: string, whole: string): Requirement {
  if (part === '') throw badRequest(`found '', expected: identifier`);
  if (part.startsWith('!')) return { key: validKey(part.slice(1).trim()), op: '!', values: [] };
  const set = SET_RE.exec(part);
  if (set) {
    const values = set[3].split(',').map((v) => v.trim()).filter((v, i, a) => v !== '' || a.length > 1);
    return { key: validKey(set[1]), op: set[2] as Operator, values: values.map(validValue) };
  }
  const cmp = CMP_RE.exec(part);
  if (cmp) {
    const op = cmp[2] === '>' ? 'gt' : cmp[2] === '<' ? 'lt' : (cmp[2] as Operator);
    return { key: validKey(cmp[1]), op, values: [validValue(cmp[3].trim())] };
  }
  if (/^[A-Za-z0-9._\/-]+$/.test(part)) return { key: validKey(part), op: 'exists', values: [] };
  throw badRequest(`unable to parse requirement: found '${part}', expected: in, notin, =, ==, !=, gt, lt (in selector ${JSON.stringify(whole)})`);
}

const KEY_RE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function validKey(k: string): string {
  if (!KEY_RE.test(k)) {
    throw badRequest(
      `unable to parse requirement: <nil>: Invalid value: "${k}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  }
  return k;
}

function validValue(v: string): string {
  if (v.length > 63 || !VALUE_RE.test(v)) {
    throw badRequest(
      `unable to parse requirement: values[0][${v}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  }
  return v;
}

/** String form, as `kubectl describe` prints selectors (`app=web,tier in (a,b)`). */
export function selectorString(ls: LabelSelector | undefined | null): string {
  const sel = fromLabelSelector(ls);
  if (!sel) return '<none>';
  if (sel.length === 0) return '<none>';
  return sel
    .map((r) => {
      switch (r.op) {
        case '=':
        case '==':
          return `${r.key}=${r.values[0]}`;
        case '!=':
          return `${r.key}!=${r.values[0]}`;
        case 'in':
        case 'notin':
          return `${r.key} ${r.op} (${[...r.values].sort().join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        default:
          return `${r.key}${r.op === 'gt' ? '>' : '<'}${r.values[0]}`;
      }
    })
    .join(',');
}
