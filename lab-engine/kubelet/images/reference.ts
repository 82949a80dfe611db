/**
 * Image references as containerd names them (docker/distribution/reference
 * ParseNormalizedNamed + default tag): `nginx` → `docker.io/library/nginx:latest`,
 * `bitnami/redis:7` → `docker.io/bitnami/redis:7`, registry hosts kept.
 */
export interface ImageRef {
  /** Fully qualified repository without tag: `docker.io/library/nginx`. */
  repository: string;
  /** Tag (`latest` if none and no digest). */
  tag: string;
  digest?: string;
  /** Short repository as catalogues key it: `nginx`, `bitnami/redis`, `registry.k8s.io/pause`. */
  short: string;
}

export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0];
  const hasHost = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = hasHost ? rest : `docker.io/${rest.includes('/') ? rest : `library/${rest}`}`;
  if (repository.startsWith('docker.io/library/') || repository.startsWith('index.docker.io/')) repository = repository.replace('index.docker.io/', 'docker.io/');
  const short = repository.startsWith('docker.io/library/') ? repository.slice(18) : repository.startsWith('docker.io/') ? repository.slice(10) : repository;
  return { repository, tag: tag || (digest ? '' : 'latest'), digest, short };
}

/** `docker.io/library/nginx:1.27` (what status.containerStatuses[].image and node.status.images show). */
export function normalizeImageName(image: string): string {
  const r = parseImageRef(image);
  return r.tag ? `${r.repository}:${r.tag}` : `${r.repository}@${r.digest}`;
}
