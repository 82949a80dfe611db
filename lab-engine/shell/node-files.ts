import type { Rng } from '../base/rng';
import { defaultKubeconfig, renderKubeconfig } from './kubeconfig';
import type { KubeconfigState } from '../kubectl/types';
import type { ClusterPki } from '../security/pki/cluster-pki';

/**
 * The files of a kubeadm node as a learner finds them on the exam:
 * /etc/kubernetes/{admin.conf, kubelet.conf, manifests/, pki/}, the kubelet's
 * config, /etc/hosts, /etc/os-release, an empty /opt and /tmp. With the
 * cluster's PKI (security/pki/cluster-pki.ts) the certificates, keys and the
 * kubeconfigs' embedded credentials are real (signed by the cluster CA, dated
 * from the boot time) and made on first read: such files are providers, which
 * VirtualFs materialises lazily. Without it (tests of the layout alone) they
 * are seeded placeholders in PEM armour.
 */
export interface NodeFilesOptions {
  hostname: string;
  nodeIP: string;
  controlPlane: boolean;
  controlPlaneIP: string;
  /** Static pod manifests from the kubelet service, when it provides them. */
  manifests?: { path: string; content: string }[];
  rng: Rng;
  /** The cluster's PKI; its certificates replace the placeholders. */
  pki?: ClusterPki;
}

export type FileContent = string | (() => string);

/**
 * Directories every node has, files or not: the ones tasks write into (`sudo mkdir /mnt/data` for a
 * hostPath PV) and the parents of the system pods' FileOrCreate hostPaths (kube-proxy's /run/xtables.lock,
 * the control plane's /etc/kubernetes/*.conf), which the kubelet does not create.
 */
export const NODE_DIRS = ['/etc/kubernetes', '/home', '/lib/modules', '/media', '/mnt', '/run', '/srv'];

export interface NodeFiles {
  files: Record<string, FileContent>;
  kubeconfig?: KubeconfigState;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function pseudoBase64(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += B64[rng.int(64)];
  return s;
}

function pem(rng: Rng, kind: string, bytes: number): string {
  const body = pseudoBase64(rng, Math.ceil((bytes * 4) / 3));
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${kind}-----\n${lines.join('\n')}\n-----END ${kind}-----\n`;
}

function b64(text: string): string {
  let out = '';
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}

const PKI_PAIRS = [
  'ca', 'apiserver', 'apiserver-kubelet-client', 'apiserver-etcd-client', 'front-proxy-ca', 'front-proxy-client',
  'etcd/ca', 'etcd/server', 'etcd/peer', 'etcd/healthcheck-client',
];

function placeholderPkiFiles(rng: Rng): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of PKI_PAIRS) {
    files[`/etc/kubernetes/pki/${name}.crt`] = pem(rng, 'CERTIFICATE', 800);
    files[`/etc/kubernetes/pki/${name}.key`] = pem(rng, 'RSA PRIVATE KEY', 1190);
  }
  files['/etc/kubernetes/pki/sa.key'] = pem(rng, 'RSA PRIVATE KEY', 1190);
  files['/etc/kubernetes/pki/sa.pub'] = pem(rng, 'PUBLIC KEY', 294);
  return files;
}

function realPkiFiles(pki: ClusterPki): Record<string, FileContent> {
  const files: Record<string, FileContent> = {};
  for (const name of PKI_PAIRS) {
    files[`/etc/kubernetes/pki/${name}.crt`] = () => pki.pair(name).certPem;
    files[`/etc/kubernetes/pki/${name}.key`] = () => pki.pair(name).keyPem;
  }
  files['/etc/kubernetes/pki/sa.key'] = () => pki.serviceAccountKey().keyPem;
  files['/etc/kubernetes/pki/sa.pub'] = () => pki.serviceAccountKey().pubPem;
  return files;
}

/** A kubeconfig file as kubeadm writes it (kubeconfig phase), for one user and its context. */
function kubeconfigText(server: string, caPem: string, user: string, pair: { certPem: string; keyPem: string }): string {
  const k = defaultKubeconfig(server, b64(caPem), b64(pair.certPem), b64(pair.keyPem));
  if (user !== 'kubernetes-admin') {
    k.users[0].name = user;
    k.contexts[0] = { name: `${user}@kubernetes`, cluster: 'kubernetes', user };
    k.currentContext = k.contexts[0].name;
  }
  return renderKubeconfig(k);
}

function systemFiles(o: NodeFilesOptions): Record<string, string> {
  return {
    '/etc/hostname': `${o.hostname}\n`,
    '/etc/hosts': `127.0.0.1 localhost\n${o.nodeIP} ${o.hostname}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`,
    '/etc/os-release': 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.5 LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=jammy\n',
    '/root/.bashrc': "# ~/.bashrc: executed by bash(1) for non-login shells.\nalias k=kubectl\nsource <(kubectl completion bash)\ncomplete -o default -F __start_kubectl k\n",
    '/root/.vimrc': 'set expandtab\nset tabstop=2\nset shiftwidth=2\n',
    '/var/lib/kubelet/config.yaml': KUBELET_CONFIG,
    '/etc/kubernetes/kubelet.conf': '',
    '/var/log/syslog': '',
    '/opt/.keep': '',
    '/tmp/.keep': '',
  };
}

export function nodeFiles(o: NodeFilesOptions): NodeFiles {
  if (o.pki) return withPki(o, o.pki);
  const files: Record<string, FileContent> = systemFiles(o);
  const pki = placeholderPkiFiles(o.rng.derive('pki'));
  const caData = b64(pki['/etc/kubernetes/pki/ca.crt']);
  const kubeletConf = defaultKubeconfig(`https://${o.controlPlaneIP}:6443`, caData, b64(pem(o.rng, 'CERTIFICATE', 800)), b64(pem(o.rng, 'RSA PRIVATE KEY', 1190)));
  kubeletConf.users[0].name = `system:node:${o.hostname}`;
  kubeletConf.contexts[0] = { name: `system:node:${o.hostname}@kubernetes`, cluster: 'kubernetes', user: `system:node:${o.hostname}` };
  kubeletConf.currentContext = kubeletConf.contexts[0].name;
  files['/etc/kubernetes/kubelet.conf'] = renderKubeconfig(kubeletConf);
  if (!o.controlPlane) {
    files['/etc/kubernetes/pki/ca.crt'] = pki['/etc/kubernetes/pki/ca.crt'];
    return { files };
  }
  Object.assign(files, pki);
  const admin = defaultKubeconfig(`https://${o.controlPlaneIP}:6443`, caData, b64(pem(o.rng, 'CERTIFICATE', 800)), b64(pem(o.rng, 'RSA PRIVATE KEY', 1190)));
  const adminText = renderKubeconfig(admin);
  files['/etc/kubernetes/admin.conf'] = adminText;
  files['/etc/kubernetes/super-admin.conf'] = adminText.replace(/kubernetes-admin/g, 'kubernetes-super-admin');
  files['/root/.kube/config'] = adminText;
  addManifests(files, o);
  return { files, kubeconfig: admin };
}

/**
 * The real PKI: every certificate, key and kubeconfig is a provider. The
 * returned kubeconfig state (the host's fallback when ~/.kube/config is
 * unreadable) carries no credentials.
 */
function withPki(o: NodeFilesOptions, pki: ClusterPki): NodeFiles {
  const files: Record<string, FileContent> = systemFiles(o);
  const server = `https://${o.controlPlaneIP}:6443`;
  const ca = () => pki.pair('ca').certPem;
  files['/etc/kubernetes/kubelet.conf'] = () => kubeconfigText(server, ca(), `system:node:${o.hostname}`, pki.pair(`kubelet.conf/${o.hostname}`));
  // The kubelet's own certificates: its client pair (cert then key, as the certificate manager writes
  // kubelet-client-current.pem) and its self-signed serving pair.
  files['/var/lib/kubelet/pki/kubelet-client-current.pem'] = () => {
    const p = pki.pair(`kubelet.conf/${o.hostname}`);
    return p.certPem + p.keyPem;
  };
  files['/var/lib/kubelet/pki/kubelet.crt'] = () => pki.kubeletServing(o.hostname).chainPem;
  files['/var/lib/kubelet/pki/kubelet.key'] = () => pki.kubeletServing(o.hostname).keyPem;
  if (!o.controlPlane) {
    files['/etc/kubernetes/pki/ca.crt'] = ca;
    return { files };
  }
  Object.assign(files, realPkiFiles(pki));
  const admin = () => kubeconfigText(server, ca(), 'kubernetes-admin', pki.pair('admin.conf'));
  files['/etc/kubernetes/admin.conf'] = admin;
  files['/root/.kube/config'] = admin;
  files['/etc/kubernetes/super-admin.conf'] = () => kubeconfigText(server, ca(), 'kubernetes-super-admin', pki.pair('super-admin.conf'));
  files['/etc/kubernetes/controller-manager.conf'] = () => kubeconfigText(server, ca(), 'system:kube-controller-manager', pki.pair('controller-manager.conf'));
  files['/etc/kubernetes/scheduler.conf'] = () => kubeconfigText(server, ca(), 'system:kube-scheduler', pki.pair('scheduler.conf'));
  addManifests(files, o);
  return { files, kubeconfig: defaultKubeconfig(server, '', '', '') };
}

function addManifests(files: Record<string, FileContent>, o: NodeFilesOptions): void {
  // etcd's data dir (the etcd-data hostPath): not empty, so `snapshot restore --data-dir /var/lib/etcd` refuses as upstream.
  files['/var/lib/etcd/member/snap/db'] = '';
  files['/var/lib/etcd/member/wal/0000000000000000-0000000000000000.wal'] = '';
  for (const m of o.manifests?.length ? o.manifests : fallbackManifests(o.controlPlaneIP)) {
    files[m.path.startsWith('/') ? m.path : `/etc/kubernetes/manifests/${m.path}`] = m.content;
  }
}

const KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;

/** kubeadm v1.32's static pod manifests (cmd/kubeadm/app/phases/controlplane/manifests.go), used when the kubelet exports none. */
function fallbackManifests(ip: string): { path: string; content: string }[] {
  const probe = (port: number, path: string, host = ip) =>
    `    livenessProbe:\n      failureThreshold: 8\n      httpGet:\n        host: ${host}\n        path: ${path}\n        port: ${port}\n        scheme: HTTPS\n      initialDelaySeconds: 10\n      periodSeconds: 10\n      timeoutSeconds: 15\n`;
  const pod = (name: string, image: string, command: string[], extra: string, volumes: [string, string, string][]) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    component: ${name}\n    tier: control-plane\n  name: ${name}\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n${command.map((c) => `    - ${c}\n`).join('')}    image: ${image}\n    imagePullPolicy: IfNotPresent\n${extra}    name: ${name}\n    resources:\n      requests:\n        cpu: 250m\n    volumeMounts:\n${volumes.map(([n, p, ro]) => `    - mountPath: ${p}\n      name: ${n}\n${ro ? '      readOnly: true\n' : ''}`).join('')}  hostNetwork: true\n  priority: 2000001000\n  priorityClassName: system-node-critical\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  volumes:\n${volumes.map(([n, p]) => `  - hostPath:\n      path: ${p}\n      type: DirectoryOrCreate\n    name: ${n}\n`).join('')}status: {}\n`;
  const certs: [string, string, string][] = [['ca-certs', '/etc/ssl/certs', 'ro'], ['k8s-certs', '/etc/kubernetes/pki', 'ro']];
  return [
    {
      path: '/etc/kubernetes/manifests/etcd.yaml',
      content: pod('etcd', 'registry.k8s.io/etcd:3.5.16-0', [
        'etcd', `--advertise-client-urls=https://${ip}:2379`, '--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--client-cert-auth=true',
        '--data-dir=/var/lib/etcd', '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s',
        `--initial-advertise-peer-urls=https://${ip}:2380`, `--initial-cluster=controlplane=https://${ip}:2380`,
        '--key-file=/etc/kubernetes/pki/etcd/server.key', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${ip}:2380`, '--name=controlplane',
        '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt', '--peer-client-cert-auth=true', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
        '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--snapshot-count=10000', '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
      ], '', [['etcd-certs', '/etc/kubernetes/pki/etcd', ''], ['etcd-data', '/var/lib/etcd', '']]),
    },
    {
      path: '/etc/kubernetes/manifests/kube-apiserver.yaml',
      content: pod('kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.32.4', [
        'kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true',
        '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt', '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
        '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key', '--etcd-servers=https://127.0.0.1:2379',
        '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
        '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key', '--requestheader-allowed-names=front-proxy-client',
        '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User', '--secure-port=6443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local', '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
        '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/12',
        '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
      ], probe(6443, '/livez'), certs),
    },
    {
      path: '/etc/kubernetes/manifests/kube-controller-manager.yaml',
      content: pod('kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.32.4', [
        'kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-cidr=10.244.0.0/16', '--cluster-name=kubernetes', '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key', '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
        '--root-ca-file=/etc/kubernetes/pki/ca.crt', '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
        '--service-cluster-ip-range=10.96.0.0/12', '--use-service-account-credentials=true',
      ], probe(10257, '/healthz', '127.0.0.1'), [...certs, ['kubeconfig', '/etc/kubernetes/controller-manager.conf', 'ro']]),
    },
    {
      path: '/etc/kubernetes/manifests/kube-scheduler.yaml',
      content: pod('kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.32.4', [
        'kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true',
      ], probe(10259, '/livez', '127.0.0.1'), [['kubeconfig', '/etc/kubernetes/scheduler.conf', 'ro']]),
    },
  ];
}
