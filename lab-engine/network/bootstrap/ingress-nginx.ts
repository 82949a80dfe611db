import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import { INGRESS_CLASS, INGRESS_CONTROLLER, INGRESS_NAMESPACE } from '../ingress/router';

export const INGRESS_NGINX_VERSION = '1.12.0';
export const INGRESS_HTTP_NODE_PORT = 32080;
export const INGRESS_HTTPS_NODE_PORT = 32443;

const LABELS = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/part-of': 'ingress-nginx',
  'app.kubernetes.io/version': INGRESS_NGINX_VERSION,
};
const SELECTOR = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
};

/**
 * ingress-nginx as its bare-metal manifest installs it
 * (deploy/static/provider/baremetal/deploy.yaml, controller v1.12.0): the
 * namespace, the `nginx` IngressClass (not the default class, as upstream),
 * the controller ConfigMap, a NodePort Service (fixed node ports 32080/32443
 * so lessons can name them) and the controller Deployment. The validating
 * admission webhook and its certificate jobs are not modelled.
 */
export function ingressNginxObjects(): KubeObject[] {
  const meta = (name: string, namespaced = true) => ({ name, ...(namespaced ? { namespace: INGRESS_NAMESPACE } : {}), labels: { ...LABELS } });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: INGRESS_NAMESPACE, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { ...meta('ingress-nginx') }, automountServiceAccountToken: true },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('ingress-nginx-controller') },
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta(INGRESS_CLASS, false), spec: { controller: INGRESS_CONTROLLER } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('ingress-nginx-controller'),
      spec: {
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', nodePort: INGRESS_HTTP_NODE_PORT },
          { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', nodePort: INGRESS_HTTPS_NODE_PORT },
        ],
        selector: { ...SELECTOR },
        type: 'NodePort',
      },
    },
    controllerDeployment(),
  ];
}

function controllerDeployment(): KubeObject {
  const probe = (failureThreshold: number) => ({
    failureThreshold,
    httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'ingress-nginx-controller', namespace: INGRESS_NAMESPACE, labels: { ...LABELS } },
    spec: {
      minReadySeconds: 0,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { ...SELECTOR } },
      strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { ...LABELS } },
        spec: {
          containers: [
            {
              args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', `--controller-class=${INGRESS_CONTROLLER}`, `--ingress-class=${INGRESS_CLASS}`, '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller'],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
              ],
              image: `registry.k8s.io/ingress-nginx/controller:v${INGRESS_NGINX_VERSION}`,
              imagePullPolicy: 'IfNotPresent',
              lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
              livenessProbe: probe(5),
              name: 'controller',
              ports: [
                { containerPort: 80, name: 'http', protocol: 'TCP' },
                { containerPort: 443, name: 'https', protocol: 'TCP' },
              ],
              readinessProbe: probe(3),
              resources: { requests: { cpu: '100m', memory: '90Mi' } },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                readOnlyRootFilesystem: false,
                runAsGroup: 82,
                runAsNonRoot: true,
                runAsUser: 101,
                seccompProfile: { type: 'RuntimeDefault' },
              },
            },
          ],
          dnsPolicy: 'ClusterFirst',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          serviceAccountName: 'ingress-nginx',
          terminationGracePeriodSeconds: 300,
        },
      },
    },
  };
}

/** Creates the objects (skipping any that exist), as `kubectl apply -f deploy.yaml` would on a fresh cluster. */
export function installIngressNginx(ctx: ClusterContext): void {
  for (const obj of ingressNginxObjects()) {
    const def = ctx.store.kindOf(obj);
    const key = def.group ? `${def.resource}.${def.group}` : def.resource;
    if (ctx.store.peek(key, def.namespaced ? (obj.metadata.namespace ?? '') : '', obj.metadata.name!)) continue;
    ctx.store.create(obj);
  }
}
