import type { UserInfo } from '../../api/types';

/** The user a pod's service account authenticates as (serviceaccount.UserInfo). */
export function serviceAccountUser(namespace: string, name: string): UserInfo {
  return {
    username: `system:serviceaccount:${namespace}:${name}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
}

/** kubectl --as=<user> [--as-group=…]: impersonated users get system:authenticated added, as the apiserver does. */
export function impersonatedUser(username: string, groups: string[] = []): UserInfo {
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  if (sa && groups.length === 0) return serviceAccountUser(sa[1], sa[2]);
  const all = [...groups];
  if (!all.includes('system:authenticated') && username !== 'system:anonymous') all.push('system:authenticated');
  return { username, groups: all };
}

/** MatchesUsername: subject ServiceAccount ns/name against a username. */
export function isServiceAccountUsername(username: string, namespace: string, name: string): boolean {
  return username === `system:serviceaccount:${namespace}:${name}`;
}
