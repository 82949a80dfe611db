/** Controllers a learner watches: rollouts mid-flight, StatefulSets, DaemonSets, Jobs, CronJobs, ReplicaSets. */
import type { Scenario } from './types';

const DIR = '/tmp/kubelab-oracle-files/workloads';

const STS = `apiVersion: v1
kind: Service
metadata:
  name: db
  labels:
    app: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
  - port: 6379
    name: redis
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: redis
        image: redis:7
        ports:
        - containerPort: 6379
          name: redis
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`;

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: kube-system
  labels:
    app: log-agent
spec:
  selector:
    matchLabels:
      app: log-agent
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      nodeSelector:
        kubernetes.io/os: linux
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sh", "-c", "while true; do sleep 3600; done"]
        resources:
          limits:
            memory: 64Mi
`;

const PARALLEL_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
  completions: 5
  parallelism: 2
  backoffLimit: 4
  activeDeadlineSeconds: 600
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox:1.36
        command: ["sh", "-c", "sleep 20"]
`;

const FAILING_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox:1.36
        command: ["sh", "-c", "exit 1"]
`;

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    tier: frontend
spec:
  replicas: 2
  selector:
    matchExpressions:
    - key: tier
      operator: In
      values: [frontend]
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php
        image: httpd:2.4
`;

export const WORKLOADS: Scenario[] = [
  {
    name: 'rollouts',
    setup: [
      'create deployment web --image=nginx:1.27 --replicas=4',
      'create deployment api --image=nginx:1.27 --replicas=2',
      'create deployment recreate --image=nginx:1.27 --replicas=2',
      `patch deploy recreate -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'`,
      'annotate deploy web kubernetes.io/change-cause="first"',
    ],
    settleSeconds: 60,
    commands: [
      'set image deploy/web nginx=nginx:1.28',
      'get deploy web',
      'get rs -l app=web',
      'get pods -l app=web',
      'describe deploy web',
      'rollout status deploy/web --watch=false',
      'set image deploy/api nginx=nginx:no-such-tag',
      'get deploy api -o wide',
      'get rs -l app=api -o wide',
      'get pods -l app=api',
      'rollout status deploy/api --watch=false',
      'rollout history deploy/api',
      'rollout history deploy/api --revision=2',
      'rollout pause deploy/api',
      'describe deploy api',
      'get deploy api -o jsonpath={.status.conditions}',
      'rollout resume deploy/api',
      'rollout undo deploy/api --to-revision=1',
      'describe deploy recreate',
      'set image deploy/recreate nginx=nginx:1.28',
      'get pods -l app=recreate',
      'scale deploy web --replicas=1',
      'get deploy',
      'get deploy -o wide',
      // restart stamps the client's wall-clock time into the template (so the new ReplicaSet's hash differs): last
      'rollout restart deploy/web',
      'get deploy web',
      'rollout history deploy/web',
    ],
  },
  {
    name: 'statefulsets daemonsets replicasets',
    files: { [`${DIR}/sts.yaml`]: STS, [`${DIR}/ds.yaml`]: DS, [`${DIR}/rs.yaml`]: RS },
    setup: [`apply -f ${DIR}/sts.yaml`, `apply -f ${DIR}/ds.yaml`, `apply -f ${DIR}/rs.yaml`],
    settleSeconds: 90,
    commands: [
      'get sts',
      'get sts -o wide',
      'get pods -l app=db -o wide',
      'get pvc',
      'describe sts db',
      'get ds -n kube-system',
      'get ds -n kube-system -o wide',
      'describe ds log-agent -n kube-system',
      'get rs frontend -o wide',
      'describe rs frontend',
      'get controllerrevisions',
      'get controllerrevisions -n kube-system -l app=log-agent',
      'scale sts db --replicas=3',
      'get sts db',
      'rollout status sts/db --watch=false',
      'rollout history sts/db',
      'rollout history ds/log-agent -n kube-system',
      'rollout history sts/db --revision=1',
      'rollout history ds/log-agent -n kube-system --revision=1',
      'rollout status ds/log-agent -n kube-system',
      'get all',
      'get all -n kube-system',
      'get sts db -o yaml',
      'get ds log-agent -n kube-system -o json',
      'delete rs frontend',
    ],
  },
  {
    name: 'jobs in every state',
    files: { [`${DIR}/parallel.yaml`]: PARALLEL_JOB, [`${DIR}/flaky.yaml`]: FAILING_JOB },
    setup: [
      'create job quick --image=busybox:1.36 -- echo done',
      `apply -f ${DIR}/flaky.yaml`,
      'create cronjob tick --image=busybox:1.36 --schedule="*/1 * * * *" -- date',
      'create cronjob nightly --image=busybox:1.36 --schedule="0 2 * * *" -- echo backup',
      `patch cronjob nightly -p '{"spec":{"suspend":true,"timeZone":"Etc/UTC"}}'`,
      '#advance 150',
      `apply -f ${DIR}/parallel.yaml`,
    ],
    settleSeconds: 10,
    commands: [
      'get jobs',
      'get jobs -o wide',
      'get cronjobs',
      'get cronjobs -o wide',
      'get pods',
      'describe job quick',
      'describe job flaky',
      'describe job batch',
      'describe cronjob tick',
      'describe cronjob nightly',
      'get job batch -o yaml',
      'get job flaky -o jsonpath={.status.conditions[*].type}',
      'create job manual --from=cronjob/nightly',
      'get jobs manual',
      'logs job/quick',
      'get events --field-selector involvedObject.kind=Job',
      'delete job flaky',
      'get pods --no-headers',
    ],
  },
];
