/**
 * The differential corpus: command sequences run by the real kubectl against
 * the REST facade and by our kubectl against an identical engine cluster.
 * Setup lines run through OUR kubectl on both clusters so they start equal.
 */
export interface Scenario {
  name: string;
  topology?: string;
  seed?: number;
  setup: string[];
  /** Virtual seconds to let pass after setup. */
  settleSeconds?: number;
  commands: string[];
}

const WEB = [
  'create namespace shop',
  'create deployment web --image=nginx:1.27 --replicas=3 -n shop',
  'expose deployment web --port=80 -n shop',
  'create configmap app-config --from-literal=mode=prod --from-literal=level=debug -n shop',
  'create secret generic db --from-literal=password=s3cret -n shop',
];

export const SCENARIOS: Scenario[] = [
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
      'run big --image=nginx:1.27 --overrides={"spec":{"containers":[{"name":"big","image":"nginx:1.27","resources":{"requests":{"cpu":"64"}}}]}}',
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
];
