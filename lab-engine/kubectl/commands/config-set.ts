/**
 * `kubectl config set|unset PROPERTY` (kubectl/pkg/cmd/config/navigation_step_parser.go):
 * dot-separated paths through the kubeconfig — `current-context`,
 * `contexts.NAME[.cluster|.user|.namespace]`, `clusters.NAME.<field>`,
 * `users.NAME.<field>` with the kubeconfig's field names. Setting under a
 * missing NAME creates the entry; unsetting a missing one is silent, as upstream.
 */
import type { KubeconfigState, KubeconfigUser } from '../types';
import { KubectlError } from '../types';
import { USER_FIELDS } from '../../shell/kubeconfig';

const CLUSTER_KEYS: Record<string, string> = {
  server: 'server', 'certificate-authority': 'certificateAuthority', 'certificate-authority-data': 'certificateAuthorityData',
  'insecure-skip-tls-verify': 'insecureSkipTlsVerify', 'tls-server-name': 'tlsServerName', 'proxy-url': 'proxyUrl',
};
const USER_KEYS: Record<string, string> = Object.fromEntries(USER_FIELDS.map(([k, key]) => [key, k]));
const CONTEXT_KEYS = ['cluster', 'user', 'namespace'];

type Section = 'contexts' | 'clusters' | 'users';

/** Splits `section.NAME.field`; NAME may contain dots when the field is the last known key. */
function splitPath(path: string): { section: Section; name?: string; field?: string } | undefined {
  const [section, ...rest] = path.split('.');
  if (section !== 'contexts' && section !== 'clusters' && section !== 'users') return undefined;
  if (rest.length === 0) return { section };
  const keys = section === 'contexts' ? CONTEXT_KEYS : Object.keys(section === 'clusters' ? CLUSTER_KEYS : USER_KEYS);
  const last = rest[rest.length - 1];
  if (rest.length > 1 && keys.includes(last)) return { section, name: rest.slice(0, -1).join('.'), field: last };
  return { section, name: rest.join('.') };
}

function entry(cfg: KubeconfigState, section: Section, name: string, create: boolean): Record<string, unknown> | undefined {
  const list = cfg[section] as { name: string }[];
  let e: { name: string } | undefined = list.find((x) => x.name === name);
  if (!e && create) {
    const made: { name: string } = section === 'contexts' ? { name, cluster: '', user: '' } as { name: string } : section === 'clusters' ? { name, server: '' } as { name: string } : ({ name } as KubeconfigUser);
    list.push(made);
    e = made;
  }
  return e as Record<string, unknown> | undefined;
}

function stateKey(section: Section, field: string): string | undefined {
  if (section === 'contexts') return CONTEXT_KEYS.includes(field) ? field : undefined;
  return (section === 'clusters' ? CLUSTER_KEYS : USER_KEYS)[field];
}

export function configSet(cfg: KubeconfigState, path: string, value: string): void {
  if (path === 'current-context') {
    cfg.currentContext = value;
    return;
  }
  const p = splitPath(path);
  if (!p || !p.name || !p.field) throw new KubectlError(`unable to locate path ${path}`);
  const key = stateKey(p.section, p.field);
  if (!key) throw new KubectlError(`unable to locate path ${p.field}`);
  const e = entry(cfg, p.section, p.name, true)!;
  if (key === 'insecureSkipTlsVerify') {
    if (value !== 'true' && value !== 'false') throw new KubectlError(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
    e[key] = value === 'true';
  } else e[key] = value;
}

export function configUnset(cfg: KubeconfigState, path: string): void {
  if (path === 'current-context') {
    cfg.currentContext = '';
    return;
  }
  const p = splitPath(path);
  if (!p) throw new KubectlError(`current map key \`${path.split('.')[0]}\` is invalid`);
  if (!p.name) {
    (cfg[p.section] as unknown[]).length = 0;
    return;
  }
  const list = cfg[p.section] as { name: string }[];
  if (!p.field) {
    const i = list.findIndex((x) => x.name === p.name);
    if (i >= 0) list.splice(i, 1);
    return;
  }
  const key = stateKey(p.section, p.field);
  if (!key) throw new KubectlError(`unable to locate path ${p.field}`);
  const e = entry(cfg, p.section, p.name, false);
  if (!e) return;
  if (p.section === 'contexts' && key !== 'namespace') e[key] = '';
  else delete e[key];
}
