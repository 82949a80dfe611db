/** Storage, autoscaling, policy, RBAC, quota/limits, CRDs with printer columns, and node trouble. */
import type { Scenario } from './types';

const DIR = '/tmp/kubelab-oracle-files/storage-policy';

const STORAGE = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-manual
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 2Gi
  accessModes:
  - ReadWriteOnce
  - ReadOnlyMany
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim-manual
spec:
  storageClassName: manual
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim-dynamic
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 500Mi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim-nothing
spec:
  storageClassName: nonexistent
  accessModes:
  - ReadWriteMany
  resources:
    requests:
      storage: 5Gi
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Delete
allowVolumeExpansion: true
parameters:
  type: ssd
---
apiVersion: v1
kind: Pod
metadata:
  name: uses-claim
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
    - name: data
      mountPath: /usr/share/nginx/html
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: claim-dynamic
`;

const POLICY = `apiVersion: v1
kind: LimitRange
metadata:
  name: limits
  namespace: team
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 100m
      memory: 128Mi
    max:
      cpu: "2"
    min:
      cpu: 50m
  - type: Pod
    max:
      memory: 1Gi
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
  namespace: team
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: web
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 100000
globalDefault: false
preemptionPolicy: Never
description: For critical services.
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: team
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 5
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 60
  - type: Resource
    resource:
      name: memory
      target:
        type: AverageValue
        averageValue: 100Mi
`;

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backups.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    plural: backups
    singular: backup
    kind: Backup
    shortNames:
    - bk
  versions:
  - name: v1
    served: true
    storage: true
    additionalPrinterColumns:
    - name: Schedule
      type: string
      jsonPath: .spec.schedule
    - name: Retain
      type: integer
      jsonPath: .spec.retain
    - name: Paused
      type: boolean
      jsonPath: .spec.paused
    - name: Target
      type: string
      jsonPath: .spec.target
      priority: 1
    - name: Age
      type: date
      jsonPath: .metadata.creationTimestamp
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              schedule:
                type: string
              retain:
                type: integer
              paused:
                type: boolean
              target:
                type: string
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.toys.example.com
spec:
  group: toys.example.com
  scope: Cluster
  names:
    plural: widgets
    singular: widget
    kind: Widget
  versions:
  - name: v1alpha1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`;

const CRS = `apiVersion: stable.example.com/v1
kind: Backup
metadata:
  name: nightly
  labels:
    tier: db
spec:
  schedule: "0 2 * * *"
  retain: 7
  paused: false
  target: postgres
---
apiVersion: stable.example.com/v1
kind: Backup
metadata:
  name: hourly
spec:
  schedule: "0 * * * *"
  retain: 24
---
apiVersion: toys.example.com/v1alpha1
kind: Widget
metadata:
  name: blue
spec:
  color: blue
  size: 3
`;

export const STORAGE_POLICY: Scenario[] = [
  {
    name: 'storage',
    files: { [`${DIR}/storage.yaml`]: STORAGE },
    setup: [`apply -f ${DIR}/storage.yaml`],
    settleSeconds: 60,
    commands: [
      'get pv',
      'get pv -o wide',
      'get pvc',
      'get pvc -o wide',
      'get sc',
      'get sc -o wide',
      'describe pv pv-manual',
      'describe pvc claim-manual',
      'describe pvc claim-dynamic',
      'describe pvc claim-nothing',
      'describe sc fast',
      'describe sc local-path',
      'describe pod uses-claim',
      'get pv -o custom-columns=NAME:.metadata.name,CLAIM:.spec.claimRef.name,SIZE:.spec.capacity.storage',
      'get pvc claim-manual -o yaml',
      'get pvc --sort-by=.spec.resources.requests.storage',
      'delete pvc claim-nothing',
      'get pvc',
    ],
  },
  {
    name: 'policy rbac and quotas',
    files: { [`${DIR}/policy.yaml`]: POLICY },
    setup: [
      'create namespace team',
      'create quota compute --hard=requests.cpu=2,requests.memory=2Gi,limits.cpu=4,pods=10,services.nodeports=0 -n team',
      'create quota objects --hard=configmaps=5,secrets=5 -n team',
      'create quota not-best-effort --hard=pods=5 --scopes=NotBestEffort -n team',
      `apply -f ${DIR}/policy.yaml`,
      'create deployment web --image=nginx:1.27 --replicas=2 -n team',
      'create serviceaccount deployer -n team',
      'create role deployer --verb=get,list,watch,create,update,patch,delete --resource=deployments.apps,replicasets.apps,pods,pods/log -n team',
      'create rolebinding deployer --role=deployer --serviceaccount=team:deployer --user=alice --group=devs -n team',
      'create clusterrole node-reader --verb=get,list,watch --resource=nodes --resource-name=node01',
      'create clusterrole aggregate-view --aggregation-rule=rbac.example.com/aggregate-to-view=true',
      'create clusterrolebinding node-readers --clusterrole=node-reader --group=ops',
      'create clusterrole urls --verb=get --non-resource-url=/healthz --non-resource-url=/metrics',
    ],
    settleSeconds: 90,
    commands: [
      'get quota -n team',
      'get quota -n team -o wide',
      'describe quota -n team',
      'get limitrange -n team',
      'describe limitrange limits -n team',
      'get pods -n team -o jsonpath={.items[0].spec.containers[0].resources}',
      'get pdb -n team',
      'get pdb -n team -o wide',
      'describe pdb web-pdb -n team',
      'get priorityclass',
      'describe priorityclass high',
      'describe priorityclass system-node-critical',
      'get hpa -n team',
      'get hpa -n team -o wide',
      'describe hpa web -n team',
      'get hpa web -n team -o yaml',
      'get sa -n team',
      'describe sa deployer -n team',
      'get role,rolebinding -n team -o wide',
      'describe role deployer -n team',
      'describe rolebinding deployer -n team',
      'get clusterrole node-reader aggregate-view urls',
      'describe clusterrole node-reader',
      'describe clusterrole urls',
      'describe clusterrole aggregate-view',
      'get clusterrolebinding node-readers -o wide',
      'describe clusterrolebinding node-readers',
      'auth can-i create deployments -n team --as=system:serviceaccount:team:deployer',
      'auth can-i delete nodes --as=alice',
      'auth can-i get nodes/node01 --as=bob --as-group=ops',
      'auth can-i --list -n team --as=alice',
      'get pods -n team --as=alice',
      'get secrets -n team --as=alice',
      'delete deploy web -n team --as=bob',
      'create configmap c1 -n team --from-literal=a=b',
      'create service nodeport np --tcp=80:80 -n team',
      'describe quota compute -n team',
      'describe ns team',
    ],
  },
  {
    name: 'custom resources',
    files: { [`${DIR}/crd.yaml`]: CRD, [`${DIR}/crs.yaml`]: CRS },
    setup: [`apply -f ${DIR}/crd.yaml`, '#advance 2', `apply -f ${DIR}/crs.yaml`],
    settleSeconds: 10,
    commands: [
      'get crd',
      'get crd backups.stable.example.com -o wide',
      'get backups',
      'get bk -o wide',
      'get backup nightly -o yaml',
      'get backups --show-labels',
      'get backups -L tier',
      'get backups.stable.example.com -o name',
      'get widgets',
      'get widget blue -o json',
      'describe backup nightly',
      'describe widget blue',
      'describe crd widgets.toys.example.com',
      'api-resources --api-group=stable.example.com',
      'explain backups',
      'get backups --sort-by=.spec.retain',
      `patch backup hourly --type=merge -p '{"spec":{"paused":true}}'`,
      'get backups',
      'delete backup hourly',
      'get backups -A',
    ],
  },
  {
    name: 'node trouble',
    setup: ['create deployment web --image=nginx:1.27 --replicas=4', 'cordon node01'],
    settleSeconds: 60,
    prepare: (cluster) => (cluster.services.get('kubelet') as { stopNode(name: string): void }).stopNode('node02'),
    prepareSeconds: 70,
    commands: [
      'get nodes',
      'get nodes -o wide',
      'describe node node01',
      'describe node node02',
      'describe node controlplane',
      'get pods -o wide',
      'get node node02 -o jsonpath={.spec.taints}',
      'get node node02 -o yaml',
      'get nodes --show-labels',
      'get nodes -L kubernetes.io/arch -L node-role.kubernetes.io/control-plane',
      'get nodes --selector=!node-role.kubernetes.io/control-plane',
      'get events -A --field-selector involvedObject.kind=Node',
      'top nodes',
      'uncordon node01',
      'get nodes',
    ],
  },
];
