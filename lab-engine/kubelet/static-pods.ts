import { stringify } from 'yaml';
import type { KubeObject } from '../api/types';
import { KUBELET_VERSION } from './node-object';
import { sha } from './images/catalogue';

/**
 * The static pod manifests kubeadm v1.32 writes to /etc/kubernetes/manifests
 * (cmd/kubeadm/app/phases/controlplane/manifests.go, etcd/local.go), for a
 * control-plane node with the given InternalIP.
 */
export function staticPodManifests(ip: string): { path: string; pod: KubeObject }[] {
  return [
    { path: '/etc/kubernetes/manifests/etcd.yaml', pod: etcd(ip) },
    { path: '/etc/kubernetes/manifests/kube-apiserver.yaml', pod: apiserver(ip) },
    { path: '/etc/kubernetes/manifests/kube-controller-manager.yaml', pod: controllerManager() },
    { path: '/etc/kubernetes/manifests/kube-scheduler.yaml', pod: scheduler() },
  ];
}

/** The files as kubeadm writes them (sigs.k8s.io/yaml: sorted keys, unindented sequences). */
export function manifestFiles(ip: string): { path: string; content: string }[] {
  // A pure function of the IP; memoised because every session's control-plane shell asks (YAML ~3 ms).
  let files = manifestFileCache.get(ip);
  if (files === undefined) {
    files = staticPodManifests(ip).map(({ path, pod }) => ({ path, content: toYaml(pod) }));
    if (manifestFileCache.size < 256) manifestFileCache.set(ip, files);
  }
  return files.map((f) => ({ ...f }));
}
const manifestFileCache = new Map<string, { path: string; content: string }[]>();

/** sha of the manifest's YAML, memoised by its JSON (the YAML is a pure function of it; kubelets boot often). */
const configHashes = new Map<string, string>();
function configHash(manifest: KubeObject): string {
  const key = JSON.stringify(manifest);
  let hash = configHashes.get(key);
  if (hash === undefined) {
    hash = sha(toYaml(manifest)).slice(0, 32);
    if (configHashes.size < 256) configHashes.set(key, hash);
  }
  return hash;
}

export function toYaml(obj: unknown): string {
  return stringify(obj, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}

function hostPathVolume(name: string, path: string, type: string): KubeObject {
  return { hostPath: { path, type }, name } as unknown as KubeObject;
}

function mount(name: string, mountPath: string, readOnly = true): Record<string, unknown> {
  return readOnly ? { mountPath, name, readOnly: true } : { mountPath, name };
}

function probe(host: string, path: string, port: number, scheme: string, extra: Record<string, number>): Record<string, unknown> {
  return { failureThreshold: 8, httpGet: { host, path, port, scheme }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, ...extra };
}

function staticPod(name: string, labels: Record<string, string>, annotations: Record<string, string> | undefined, container: Record<string, unknown>, volumes: KubeObject[]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(annotations ? { annotations } : {}), creationTimestamp: null, labels, name, namespace: 'kube-system' },
    spec: {
      containers: [container],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes,
    },
    status: {},
  } as unknown as KubeObject;
}

const CA_VOLUMES = [
  hostPathVolume('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'),
  hostPathVolume('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'),
];
const CA_MOUNTS = [mount('ca-certs', '/etc/ssl/certs'), mount('etc-ca-certificates', '/etc/ca-certificates')];
const SHARE_VOLUMES = [
  hostPathVolume('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'),
  hostPathVolume('usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate'),
];
const SHARE_MOUNTS = [mount('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates'), mount('usr-share-ca-certificates', '/usr/share/ca-certificates')];

function etcd(ip: string): KubeObject {
  const command = [
    'etcd',
    `--advertise-client-urls=https://${ip}:2379`,
    '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
    '--client-cert-auth=true',
    '--data-dir=/var/lib/etcd',
    '--experimental-initial-corrupt-check=true',
    '--experimental-watch-progress-notify-interval=5s',
    `--initial-advertise-peer-urls=https://${ip}:2380`,
    `--initial-cluster=controlplane=https://${ip}:2380`,
    '--key-file=/etc/kubernetes/pki/etcd/server.key',
    `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
    '--listen-metrics-urls=http://127.0.0.1:2381',
    `--listen-peer-urls=https://${ip}:2380`,
    '--name=controlplane',
    '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
    '--peer-client-cert-auth=true',
    '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
    '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
    '--snapshot-count=10000',
    '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  ];
  const health = (extra: Record<string, number>) => ({ failureThreshold: 8, httpGet: { host: '127.0.0.1', path: '/livez', port: 2381, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, ...extra });
  return staticPod(
    'etcd',
    { component: 'etcd', tier: 'control-plane' },
    { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    {
      command,
      image: 'registry.k8s.io/etcd:3.5.16-0',
      imagePullPolicy: 'IfNotPresent',
      livenessProbe: health({}),
      name: 'etcd',
      readinessProbe: { failureThreshold: 3, httpGet: { host: '127.0.0.1', path: '/readyz', port: 2381, scheme: 'HTTP' }, periodSeconds: 1, timeoutSeconds: 15 },
      resources: { requests: { cpu: '100m', memory: '100Mi' } },
      startupProbe: health({ failureThreshold: 24 }),
      volumeMounts: [mount('etcd-data', '/var/lib/etcd', false), mount('etcd-certs', '/etc/kubernetes/pki/etcd', false)],
    },
    [hostPathVolume('etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'), hostPathVolume('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')],
  );
}

function apiserver(ip: string): KubeObject {
  const command = [
    'kube-apiserver',
    `--advertise-address=${ip}`,
    '--allow-privileged=true',
    '--authorization-mode=Node,RBAC',
    '--client-ca-file=/etc/kubernetes/pki/ca.crt',
    '--enable-admission-plugins=NodeRestriction',
    '--enable-bootstrap-token-auth=true',
    '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
    '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
    '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
    '--etcd-servers=https://127.0.0.1:2379',
    '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
    '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
    '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
    '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
    '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
    '--requestheader-allowed-names=front-proxy-client',
    '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-username-headers=X-Remote-User',
    '--secure-port=6443',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
    '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
    '--service-cluster-ip-range=10.96.0.0/12',
    '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
    '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
  ];
  return staticPod(
    'kube-apiserver',
    { component: 'kube-apiserver', tier: 'control-plane' },
    { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
    {
      command,
      image: `registry.k8s.io/kube-apiserver:${KUBELET_VERSION}`,
      imagePullPolicy: 'IfNotPresent',
      livenessProbe: probe(ip, '/livez', 6443, 'HTTPS', {}),
      name: 'kube-apiserver',
      readinessProbe: { failureThreshold: 3, httpGet: { host: ip, path: '/readyz', port: 6443, scheme: 'HTTPS' }, periodSeconds: 1, timeoutSeconds: 15 },
      resources: { requests: { cpu: '250m' } },
      startupProbe: probe(ip, '/livez', 6443, 'HTTPS', { failureThreshold: 24 }),
      volumeMounts: [...CA_MOUNTS, mount('k8s-certs', '/etc/kubernetes/pki'), ...SHARE_MOUNTS],
    },
    [...CA_VOLUMES, hostPathVolume('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'), ...SHARE_VOLUMES],
  );
}

function controllerManager(): KubeObject {
  const command = [
    'kube-controller-manager',
    '--allocate-node-cidrs=true',
    '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
    '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
    '--bind-address=127.0.0.1',
    '--client-ca-file=/etc/kubernetes/pki/ca.crt',
    '--cluster-cidr=10.244.0.0/16',
    '--cluster-name=kubernetes',
    '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
    '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
    '--controllers=*,bootstrapsigner,tokencleaner',
    '--kubeconfig=/etc/kubernetes/controller-manager.conf',
    '--leader-elect=true',
    '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
    '--root-ca-file=/etc/kubernetes/pki/ca.crt',
    '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
    '--service-cluster-ip-range=10.96.0.0/12',
    '--use-service-account-credentials=true',
  ];
  return staticPod(
    'kube-controller-manager',
    { component: 'kube-controller-manager', tier: 'control-plane' },
    undefined,
    {
      command,
      image: `registry.k8s.io/kube-controller-manager:${KUBELET_VERSION}`,
      imagePullPolicy: 'IfNotPresent',
      livenessProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', {}),
      name: 'kube-controller-manager',
      resources: { requests: { cpu: '200m' } },
      startupProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', { failureThreshold: 24 }),
      volumeMounts: [
        ...CA_MOUNTS,
        mount('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', false),
        mount('k8s-certs', '/etc/kubernetes/pki'),
        mount('kubeconfig', '/etc/kubernetes/controller-manager.conf'),
        ...SHARE_MOUNTS,
      ],
    },
    [
      ...CA_VOLUMES,
      hostPathVolume('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'),
      hostPathVolume('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'),
      hostPathVolume('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'),
      ...SHARE_VOLUMES,
    ],
  );
}

function scheduler(): KubeObject {
  return staticPod(
    'kube-scheduler',
    { component: 'kube-scheduler', tier: 'control-plane' },
    undefined,
    {
      command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
      image: `registry.k8s.io/kube-scheduler:${KUBELET_VERSION}`,
      imagePullPolicy: 'IfNotPresent',
      livenessProbe: probe('127.0.0.1', '/livez', 10259, 'HTTPS', {}),
      name: 'kube-scheduler',
      readinessProbe: { failureThreshold: 3, httpGet: { host: '127.0.0.1', path: '/readyz', port: 10259, scheme: 'HTTPS' }, periodSeconds: 1, timeoutSeconds: 15 },
      resources: { requests: { cpu: '100m' } },
      startupProbe: probe('127.0.0.1', '/livez', 10259, 'HTTPS', { failureThreshold: 24 }),
      volumeMounts: [mount('kubeconfig', '/etc/kubernetes/scheduler.conf')],
    },
    [hostPathVolume('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
  );
}

/**
 * The mirror pod the kubelet creates for a static pod (pkg/kubelet/pod/mirror_client.go):
 * name-<node>, config annotations, owned by the Node, bound to it.
 */
export function mirrorPod(manifest: KubeObject, node: KubeObject, seenNanos: string): KubeObject {
  const hash = configHash(manifest);
  const pod = JSON.parse(JSON.stringify(manifest)) as KubeObject;
  delete pod.status;
  delete pod.metadata.creationTimestamp;
  pod.metadata.name = `${manifest.metadata.name}-${node.metadata.name}`;
  pod.metadata.annotations = {
    ...manifest.metadata.annotations,
    'kubernetes.io/config.hash': hash,
    'kubernetes.io/config.mirror': hash,
    'kubernetes.io/config.seen': seenNanos,
    'kubernetes.io/config.source': 'file',
  };
  pod.metadata.ownerReferences = [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid! }];
  pod.spec.nodeName = node.metadata.name;
  delete pod.spec.priority;
  pod.spec.tolerations = [{ effect: 'NoExecute', operator: 'Exists' }];
  return pod;
}
