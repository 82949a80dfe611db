/** Error paths: messages on stderr and exit codes for the mistakes learners make. */
import type { Scenario } from './types';

const DIR = '/tmp/kubelab-oracle-files/errors';

const BAD_DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: Bad_Name
spec:
  replicas: -1
  selector:
    matchLabels:
      app: x
  template:
    metadata:
      labels:
        app: y
    spec:
      containers:
      - name: x
        image: ""
`;

const UNKNOWN_FIELD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: typo
spec:
  replica: 2
  selector:
    matchLabels:
      app: typo
  template:
    metadata:
      labels:
        app: typo
    spec:
      containers:
      - name: x
        image: nginx
`;

const BAD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: broken
 spec:
  containers: []
`;

const NO_KIND = `apiVersion: v1
metadata:
  name: nokind
`;

const UNKNOWN_KIND = `apiVersion: example.com/v1
kind: Gadget
metadata:
  name: g
`;

export const ERRORS: Scenario[] = [
  {
    name: 'error paths',
    files: { [`${DIR}/bad.yaml`]: BAD_DEPLOY, [`${DIR}/typo.yaml`]: UNKNOWN_FIELD, [`${DIR}/broken.yaml`]: BAD_YAML, [`${DIR}/nokind.yaml`]: NO_KIND, [`${DIR}/gadget.yaml`]: UNKNOWN_KIND },
    setup: ['create deployment web --image=nginx:1.27', 'create namespace other', 'create role reader --verb=get --resource=pods -n other', 'create rolebinding reader --role=reader --user=jane -n other'],
    settleSeconds: 30,
    commands: [
      'get pod nosuch',
      'get pods nosuch other-missing',
      'get deploy nosuch -o yaml',
      'get pod nosuch --ignore-not-found',
      'describe pod nosuch',
      'describe deploy',
      'delete pod nosuch',
      'delete deploy nosuch --ignore-not-found',
      'get nosuchtype',
      'get pods,nosuchtype',
      'describe nosuchtype x',
      'create deployment web --image=nginx:1.27',
      'create namespace other',
      'create configmap web --from-literal=a=b',
      'create configmap web --from-literal=a=b',
      'create deployment Bad_Name --image=nginx',
      'create deployment x',
      'create deployment y --image=nginx --replicas=-2',
      `apply -f ${DIR}/bad.yaml`,
      `apply -f ${DIR}/typo.yaml`,
      `apply -f ${DIR}/typo.yaml --validate=false`,
      `create -f ${DIR}/broken.yaml`,
      `apply -f ${DIR}/nokind.yaml`,
      `apply -f ${DIR}/gadget.yaml`,
      'apply -f /tmp/kubelab-oracle-files/errors/missing.yaml',
      'scale deploy web --replicas=-1',
      'scale deploy nosuch --replicas=2',
      'label deploy web app=other',
      'label deploy web app=other --overwrite',
      'label deploy web bad_key!=x',
      'annotate deploy web a=b a=c',
      'set image deploy/web nosuch=nginx:1.28',
      'rollout undo deploy/web --to-revision=9',
      'rollout status deploy/nosuch',
      'rollout history pod/x',
      'expose deploy nosuch --port=80',
      'expose pod x --port=80',
      'get pods -o badformat',
      'get pods -o yaml --show-labels',
      'get pods -l "app in (a"',
      'get pods --field-selector=spec.bogus=x',
      'get pods --sort-by=.spec.nosuch',
      'logs nosuch',
      'logs deploy/web -c nosuch',
      'delete pods --all --selector=app=web',
      'delete',
      'get',
      'create',
      'nosuchverb',
      'get pods --nosuchflag',
      'get pods -n other --as=jane',
      'get pods -n other --as=jane -o name',
      'list pods',
      'get pods -n other --as=bob',
      'get secrets -n other --as=jane',
      'delete ns other --as=jane',
      'auth can-i get pods -n other --as=jane --as-group=system:authenticated',
      'auth can-i frobnicate widgets',
      'cordon nosuch',
      'drain nosuch',
      'taint node node01 bad',
      'taint node node01 a=b:Sometimes',
      'top pod nosuch',
      'explain nosuchtype',
      'config use-context nosuch',
      'run x --image=nginx --restart=Sometimes',
      'run y --image=nginx --dry-run=bogus',
      'edit deploy nosuch',
      'replace -f /tmp/kubelab-oracle-files/errors/typo.yaml',
      'patch deploy web -p "{bad json"',
      'patch deploy web --type=strategic -p \'{"spec":{"replicas":"two"}}\'',
      'wait --for=condition=Ready pod/nosuch --timeout=1s',
      'create secret generic s --from-literal=novalue',
      'create quota q --hard=pods=abc',
      'autoscale deploy web --max=0',
    ],
  },
];
