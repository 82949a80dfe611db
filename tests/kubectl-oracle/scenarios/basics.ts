/** The first corpus: cluster basics, a deployment, broken workloads, RBAC, jobs, apply/patch, generators, discovery. */
import type { Scenario } from './types';

const DIR = '/tmp/kubelab-oracle-files';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    app: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
  - port: 80
    targetPort: 80
`;

const WEB = [
  'create namespace shop',
  'create deployment web --image=nginx:1.27 --replicas=3 -n shop',
  'expose deployment web --port=80 -n shop',
  'create configmap app-config --from-literal=mode=prod --from-literal=level=debug -n shop',
  'create secret generic db --from-literal=password=s3cret -n shop',
];

export const BASICS: Scenario[] = [
  {
    name: 'cluster basics',
    setup: [],
    commands: [
      'get nodes',
      'get nodes -o wide',
      'get ns',
      'get ns --show-labels',
      'get pods -n kube-system',
      'get pods -A',
      'get pods -A -o wide',
      'get deploy -A',
      'get ds -A',
      'get svc -A',
      'get sa',
      'get cm -A',
      'get clusterroles cluster-admin view',
      'get priorityclasses',
      'get leases -n kube-node-lease',
      'get pods',
      'get pods -n nosuch',
      'get pod nosuch',
      'get foo',
      'describe node node01',
      'describe ns default',
      'describe sa default',
      'get node controlplane -o jsonpath={.spec.taints}',
      'get nodes -o custom-columns=NAME:.metadata.name,CPU:.status.capacity.cpu',
      'get nodes -o name',
      'api-versions',
      'version',
    ],
  },
  {
    name: 'a deployment and its service',
    setup: WEB,
    settleSeconds: 60,
    commands: [
      'get all -n shop',
      'get deploy,rs,pods -n shop',
      'get deploy web -n shop -o wide',
      'get pods -n shop -o wide',
      'get pods -n shop --show-labels',
      'get pods -n shop -L app',
      'get pods -n shop --sort-by=.metadata.name',
      'get pods -n shop -l app=web --no-headers',
      'get pods -n shop --field-selector=status.phase=Running',
      'get deploy web -n shop -o yaml',
      'get deploy web -n shop -o json',
      'get svc web -n shop -o yaml',
      'get endpoints -n shop',
      'get endpointslices -n shop',
      'get cm,secret -n shop',
      'describe deploy web -n shop',
      'describe rs -n shop',
      'describe svc web -n shop',
      'describe cm app-config -n shop',
      'describe secret db -n shop',
      'get events -n shop',
      'events -n shop',
      'rollout status deploy/web -n shop',
      'rollout history deploy/web -n shop',
      'scale deploy web --replicas=5 -n shop',
      'get deploy web -n shop',
      'label deploy web tier=frontend -n shop',
      'annotate deploy web owner=team-a -n shop',
      'get deploy web -n shop --show-labels',
      'set image deploy/web nginx=nginx:1.28 -n shop',
      'rollout history deploy/web -n shop',
      'rollout undo deploy/web -n shop',
      'delete cm app-config -n shop',
      'get cm app-config -n shop',
      'delete svc web -n shop',
    ],
  },
  {
    name: 'broken workloads',
    setup: [
      'run crashy --image=busybox:1.36 -- /bin/sh -c "exit 1"',
      'run pulling --image=nginx:does-not-exist',
      `run big --image=nginx:1.27 --overrides='{"spec":{"containers":[{"name":"big","image":"nginx:1.27","resources":{"requests":{"cpu":"64"}}}]}}'`,
      'create deployment db --image=postgres:16',
    ],
    settleSeconds: 120,
    commands: ['get pods', 'get pods -o wide', 'describe pod crashy', 'describe pod pulling', 'describe pod big', 'get events', 'logs crashy', 'logs deploy/db', 'get deploy db'],
  },
  {
    name: 'rbac and quotas',
    setup: [
      'create namespace team',
      'create role pod-reader --verb=get,list,watch --resource=pods -n team',
      'create rolebinding read-pods --role=pod-reader --user=jane -n team',
      'create serviceaccount bot -n team',
      'create clusterrolebinding bot-view --clusterrole=view --serviceaccount=team:bot',
      'create quota q --hard=pods=2,requests.cpu=1 -n team',
    ],
    commands: [
      'get role,rolebinding -n team',
      'describe role pod-reader -n team',
      'describe rolebinding read-pods -n team',
      'get quota -n team',
      'describe quota q -n team',
      'auth can-i list pods -n team --as=jane',
      'auth can-i delete pods -n team --as=jane',
      'auth can-i list pods --as=system:serviceaccount:team:bot -A',
      'auth can-i create deployments',
      'get clusterrolebinding bot-view -o yaml',
    ],
  },
  {
    name: 'jobs and cronjobs',
    setup: ['create job once --image=busybox:1.36 -- echo done', 'create cronjob tick --image=busybox:1.36 --schedule="*/5 * * * *" -- date'],
    settleSeconds: 30,
    commands: ['get jobs', 'get cronjobs', 'describe job once', 'describe cronjob tick', 'get pods', 'logs job/once', 'get cronjob tick -o yaml'],
  },
  {
    name: 'node maintenance',
    setup: ['create deployment web --image=nginx:1.27 --replicas=4'],
    settleSeconds: 60,
    commands: ['cordon node01', 'get nodes', 'uncordon node01', 'taint node node02 dedicated=db:NoSchedule', 'describe node node02', 'taint node node02 dedicated-', 'get node node02 -o jsonpath={.spec.taints}'],
  },
  {
    name: 'apply, patch and replace',
    files: { [`${DIR}/app.yaml`]: APP, [`${DIR}/app-v2.yaml`]: APP.replace('replicas: 2', 'replicas: 3').replace('nginx:1.27', 'nginx:1.28') },
    setup: [`apply -f ${DIR}/app.yaml`],
    settleSeconds: 60,
    commands: [
      'wait --for=condition=Available deploy/api',
      'wait --for=condition=Ready pod -l app=api',
      `apply -f ${DIR}/app.yaml`,
      `apply -f ${DIR}/app-v2.yaml`,
      'get deploy api -o jsonpath={.spec.template.spec.containers[0].image}',
      'get deploy api -o jsonpath={.metadata.annotations}',
      `patch deploy api -p '{"spec":{"replicas":2}}'`,
      `patch deploy api --type=merge -p '{"metadata":{"labels":{"team":"a"}}}'`,
      `patch deploy api --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`,
      `patch deploy api --type=json -p '[{"op":"remove","path":"/spec/nosuch"}]'`,
      `patch deploy nosuch -p '{}'`,
      'get deploy api --show-labels',
      `replace -f ${DIR}/app.yaml`,
      'label pods -l app=api env=test',
      'label deploy api team-',
      'annotate deploy api note=x',
      'annotate deploy api note=y',
      'annotate deploy api note=y --overwrite',
      'set env deploy/api MODE=x',
      'set resources deploy/api --limits=cpu=200m',
      'rollout pause deploy/api',
      'rollout resume deploy/api',
      'rollout history deploy/api',
      'autoscale deploy api --max=3 --cpu-percent=50',
      'get hpa',
      'scale deploy api --replicas=0',
      'get deploy api',
      `delete -f ${DIR}/app.yaml`,
      'get deploy,svc',
      'create deployment gone --image=nginx',
      'delete deploy gone --cascade=orphan',
      'delete pod nosuch',
      'delete pods --all --grace-period=0 --force',
    ],
  },
  {
    name: 'create generators',
    setup: ['create namespace gen'],
    commands: [
      'create deployment d --image=nginx:1.27 --replicas=2 --port=80 -n gen',
      'create deployment d --image=nginx:1.27 -n gen',
      'create job j --image=busybox:1.36 -n gen -- echo hi',
      "create cronjob c --image=busybox:1.36 --schedule='*/10 * * * *' -n gen",
      'create configmap cm --from-literal=a=b -n gen',
      'create secret generic s --from-literal=p=x -n gen',
      'create secret docker-registry reg --docker-server=r.io --docker-username=u --docker-password=p -n gen',
      'create service clusterip cs --tcp=80:8080 -n gen',
      'create service nodeport ns --tcp=80:8080 --node-port=30080 -n gen',
      'create service externalname ext --external-name=example.com -n gen',
      'create serviceaccount sa -n gen',
      'create role r --verb=get,list --resource=pods -n gen',
      'create rolebinding rb --role=r --serviceaccount=gen:sa -n gen',
      'create clusterrole cr --verb=get --resource=nodes',
      'create clusterrolebinding crb --clusterrole=cr --group=devs',
      'create quota q --hard=pods=5 -n gen',
      'create priorityclass pc --value=100',
      'create ingress ing --rule=foo.com/=cs:80 -n gen',
      'create pdb pdb --selector=app=d --min-available=1 -n gen',
      'create token sa -n gen --duration=1h',
      'run solo --image=nginx -n gen --labels=x=y',
      'expose deploy d --port=8080 --target-port=80 -n gen --name=d-svc',
      'get all -n gen',
      'get role,rolebinding,quota,pdb,ing,sa,secret,cm -n gen',
      'get clusterrole cr -o yaml',
      'get priorityclass pc -o yaml',
      'describe ingress ing -n gen',
      'describe pdb pdb -n gen',
      // last: real kubectl creates it with a warning, ours refuses (so later resourceVersions would shift)
      'create role bad --verb=fly --resource=pods -n gen',
    ],
  },
  {
    name: 'nodes, metrics and discovery',
    setup: ['create deployment web --image=nginx:1.27 --replicas=3'],
    settleSeconds: 90,
    commands: [
      'top nodes',
      'top pods',
      'top pods -A --sort-by=cpu',
      'api-resources',
      'api-resources --namespaced=false',
      'api-resources --api-group=apps -o wide',
      'cluster-info',
      'auth can-i --list',
      'auth can-i get pods --subresource=log',
      'auth whoami',
      'explain pods',
      'explain deployment.spec.replicas',
      'completion bash',
      // last: drain evicts in goroutines (order varies) and waits on watches, so the states diverge after it
      'drain node02 --ignore-daemonsets --delete-emptydir-data --grace-period=0',
    ],
  },
];
