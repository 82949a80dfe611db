/** Pods in every state a learner meets: the READY/STATUS/RESTARTS cells, `-o wide`, describe, events. */
import type { Scenario } from './types';

const DIR = '/tmp/kubelab-oracle-files/pods';

const INIT_WAIT = `apiVersion: v1
kind: Pod
metadata:
  name: init-wait
  labels:
    app: init
spec:
  initContainers:
  - name: wait-db
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
  containers:
  - name: app
    image: nginx:1.27
`;

const INIT_FAIL = `apiVersion: v1
kind: Pod
metadata:
  name: init-fail
spec:
  initContainers:
  - name: migrate
    image: busybox:1.36
    command: ["sh", "-c", "exit 2"]
  containers:
  - name: app
    image: nginx:1.27
`;

const GATED = `apiVersion: v1
kind: Pod
metadata:
  name: gated
spec:
  readinessGates:
  - conditionType: example.com/load-balancer-ready
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
      name: http
`;

const OOM = `apiVersion: v1
kind: Pod
metadata:
  name: oom
spec:
  restartPolicy: Never
  containers:
  - name: stress
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
    resources:
      requests:
        memory: 50Mi
      limits:
        memory: 100Mi
`;

const MULTI = `apiVersion: v1
kind: Pod
metadata:
  name: multi
  labels:
    app: multi
    tier: backend
  annotations:
    team: payments
spec:
  terminationGracePeriodSeconds: 60
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    env:
    - name: MODE
      value: prod
    - name: POD_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: APP
      valueFrom:
        fieldRef:
          fieldPath: metadata.labels['app']
    - name: CPU_LIMIT
      valueFrom:
        resourceFieldRef:
          containerName: web
          resource: limits.cpu
    - name: CPU_REQ_MILLIS
      valueFrom:
        resourceFieldRef:
          resource: requests.cpu
          divisor: 1m
    - name: MEM_LIMIT_MI
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
          divisor: 1Mi
    - name: NS
      valueFrom:
        fieldRef:
          fieldPath: metadata.namespace
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
    - name: LEVEL
      valueFrom:
        configMapKeyRef:
          name: cfg
          key: a
          optional: true
    envFrom:
    - configMapRef:
        name: cfg
    - prefix: DB_
      secretRef:
        name: db
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
      limits:
        cpu: 200m
        memory: 128Mi
    readinessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
    livenessProbe:
      tcpSocket:
        port: 80
      initialDelaySeconds: 3
    volumeMounts:
    - name: cache
      mountPath: /cache
    - name: cfg
      mountPath: /etc/cfg
      readOnly: true
  - name: sidecar
    image: busybox:1.36
    command: ["sh", "-c", "while true; do sleep 3600; done"]
  volumes:
  - name: cache
    emptyDir: {}
  - name: cfg
    configMap:
      name: cfg
  nodeSelector:
    kubernetes.io/os: linux
  tolerations:
  - key: dedicated
    operator: Equal
    value: web
    effect: NoSchedule
`;

export const POD_STATES: Scenario[] = [
  {
    name: 'pod states',
    files: { [`${DIR}/init-wait.yaml`]: INIT_WAIT, [`${DIR}/init-fail.yaml`]: INIT_FAIL, [`${DIR}/gated.yaml`]: GATED, [`${DIR}/oom.yaml`]: OOM, [`${DIR}/multi.yaml`]: MULTI },
    setup: [
      'create configmap cfg --from-literal=a=1',
      'create secret generic db --from-literal=password=s3cret',
      'run crashy --image=busybox:1.36 -- /bin/sh -c "exit 1"',
      'run pulling --image=nginx:does-not-exist',
      `run big --image=nginx:1.27 --overrides='{"spec":{"containers":[{"name":"big","image":"nginx:1.27","resources":{"requests":{"cpu":"64"}}}]}}'`,
      'run done --image=busybox:1.36 --restart=Never -- echo finished',
      'run failed --image=busybox:1.36 --restart=Never -- sh -c "exit 3"',
      'run sleeper --image=busybox:1.36 -- sleep 3600',
      `apply -f ${DIR}/init-wait.yaml`,
      `apply -f ${DIR}/init-fail.yaml`,
      `apply -f ${DIR}/gated.yaml`,
      `apply -f ${DIR}/oom.yaml`,
      `apply -f ${DIR}/multi.yaml`,
    ],
    settleSeconds: 150,
    commands: [
      'get pods',
      'get pods -o wide',
      'get pods --show-labels',
      'get pods -o wide --sort-by=.status.startTime',
      'get pods --field-selector=status.phase=Pending',
      'get pods --field-selector=status.phase!=Running -o name',
      'describe pod crashy',
      'describe pod pulling',
      'describe pod big',
      'describe pod done',
      'describe pod failed',
      'describe pod init-wait',
      'describe pod init-fail',
      'describe pod gated',
      'describe pod oom',
      'describe pod multi',
      'get pod crashy -o yaml',
      'get pod multi -o json',
      'get pod oom -o jsonpath={.status.containerStatuses[0].state}',
      "get pods -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,NODE:.spec.nodeName,RESTARTS:.status.containerStatuses[*].restartCount",
      'get events --field-selector=type=Warning',
      'events --types=Warning',
      'events --for=pod/crashy',
      'logs crashy',
      'logs crashy --previous',
      'logs done',
      'logs multi -c sidecar',
      'logs multi',
      'run fresh --image=redis:7',
      'get pods fresh',
      'get pods fresh -o wide',
      'describe pod fresh',
      'delete pod sleeper --wait=false',
      'get pods sleeper',
      'describe pod sleeper',
      'get pod sleeper -o jsonpath={.metadata.deletionGracePeriodSeconds}',
    ],
  },
];
