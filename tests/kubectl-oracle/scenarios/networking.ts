/** Services of every type, Endpoints/EndpointSlices, Ingress (with ingress-nginx), NetworkPolicies. */
import type { Scenario } from './types';

const DIR = '/tmp/kubelab-oracle-files/networking';

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: lb
  annotations:
    note: public
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: 80
  - name: https
    port: 443
    targetPort: 443
---
apiVersion: v1
kind: Service
metadata:
  name: np
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
  - port: 8080
    targetPort: http
    nodePort: 30123
    protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: headless
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ext
spec:
  type: ExternalName
  externalName: db.example.com
---
apiVersion: v1
kind: Service
metadata:
  name: manual
spec:
  ports:
  - port: 5432
---
apiVersion: v1
kind: Endpoints
metadata:
  name: manual
subsets:
- addresses:
  - ip: 192.168.1.50
  ports:
  - port: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: sticky
spec:
  selector:
    app: web
  sessionAffinity: ClientIP
  externalIPs:
  - 192.168.1.99
  ports:
  - port: 80
    protocol: TCP
    name: http
  - port: 53
    protocol: UDP
    name: dns
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  tls:
  - hosts:
    - shop.example.com
    secretName: shop-tls
  defaultBackend:
    service:
      name: web
      port:
        number: 80
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 8080
      - path: /
        pathType: Exact
        backend:
          service:
            name: web
            port:
              name: http
  - http:
      paths:
      - path: /
        pathType: ImplementationSpecific
        backend:
          service:
            name: web
            port:
              number: 80
`;

const NETPOL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-allow
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: web
      namespaceSelector:
        matchLabels:
          team: a
    - ipBlock:
        cidr: 10.0.0.0/8
        except:
        - 10.1.0.0/16
    ports:
    - protocol: TCP
      port: 8080
    - port: 9000
      endPort: 9100
  egress:
  - to:
    - namespaceSelector: {}
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
spec:
  podSelector: {}
  policyTypes:
  - Ingress
`;

export const NETWORKING: Scenario[] = [
  {
    name: 'services and ingress',
    topology: { name: 'default-ingress', systemPods: true, addons: ['ingress-nginx'], nodes: [
      { name: 'controlplane', controlPlane: true, cpu: '2', memory: '4Gi' }, { name: 'node01', cpu: '2', memory: '4Gi' }, { name: 'node02', cpu: '2', memory: '4Gi' }] },
    files: { [`${DIR}/services.yaml`]: SERVICES, [`${DIR}/ingress.yaml`]: INGRESS, [`${DIR}/netpol.yaml`]: NETPOL },
    setup: [
      'create deployment web --image=nginx:1.27 --replicas=2 --port=80',
      'create deployment api --image=nginx:1.27 --replicas=1',
      'expose deploy web --port=80 --name=web',
      'expose deploy api --port=8080 --target-port=80 --name=api',
      `apply -f ${DIR}/services.yaml`,
      'create secret generic shop-tls --type=kubernetes.io/tls --from-literal=tls.crt=cert --from-literal=tls.key=key',
      `apply -f ${DIR}/ingress.yaml`,
      'create ingress simple --rule=foo.com/bar=web:80 --class=nginx',
      `apply -f ${DIR}/netpol.yaml`,
    ],
    settleSeconds: 90,
    commands: [
      'get svc',
      'get svc -o wide',
      'get svc -A',
      'describe svc lb',
      'describe svc np',
      'describe svc headless',
      'describe svc ext',
      'describe svc manual',
      'describe svc sticky',
      'describe svc kubernetes',
      'get endpoints',
      'get ep web -o yaml',
      'describe endpoints web',
      'get endpointslices',
      'get endpointslices -o wide',
      'describe endpointslice -l kubernetes.io/service-name=web',
      'get ingress',
      'get ingress -o wide',
      'get ingressclass',
      'describe ingress shop',
      'describe ingress simple',
      'describe ingressclass nginx',
      'get ingress shop -o yaml',
      'get netpol',
      'describe netpol api-allow',
      'describe netpol deny-all',
      'get netpol api-allow -o json',
      'get svc lb -o jsonpath={.status.loadBalancer.ingress[0].ip}',
      'get pods -n ingress-nginx',
      'get all -n ingress-nginx',
      'get svc,ep,ing',
    ],
  },
];
