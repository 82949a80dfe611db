import { expect } from 'vitest';
import type { PracticeScenario } from './types';
import { spec, status } from './types';

const SRC = 'alijahnas/CKA-practice-exercises';

const BUSYBOX_POD = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: ${name}\n  name: ${name}\nspec:\n  containers:\n  - image: busybox:latest\n    name: ${name}\n    args:\n      - sleep\n      - "3600"\n${extra}`;

/** CKA practice: workloads & scheduling, services & networking, storage, cluster maintenance. */
export const CKA: PracticeScenario[] = [
  {
    id: 'cka/deployment-rollout-scale-edit-undo',
    source: `${SRC} workloads-scheduling.md › nginx-deploy in ngx: roll out, scale to 5, edit image 1.19→1.20, undo`,
    firstRun: 'fail',
    fixedBy: 'kubelet images: nginx 1.7–1.29 releases',
    delayMs: 5000,
    script: String.raw`
kubectl -n ngx create deployment nginx-deploy --replicas=3 --image=nginx:1.19 --dry-run=client -o yaml > nginx-deploy.yaml
kubectl create ns ngx
kubectl apply -f nginx-deploy.yaml
kubectl -n ngx rollout status deployment/nginx-deploy
kubectl -n ngx get deploy
kubectl -n ngx scale deployment nginx-deploy --replicas=5
kubectl -n ngx rollout status deployment nginx-deploy
kubectl -n ngx edit deployment/nginx-deploy
#@sed s/image: nginx:1.19/image: nginx:1.20/
kubectl -n ngx rollout status deployment nginx-deploy
kubectl -n ngx get replicaset
kubectl -n ngx rollout history deployment nginx-deploy
kubectl -n ngx rollout undo deployment nginx-deploy
kubectl -n ngx rollout status deployment nginx-deploy
kubectl -n ngx get pods $(kubectl -n ngx get pods -o jsonpath='{.items[0].metadata.name}') -o jsonpath='{.spec.containers[0].image}'
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('deployment.apps/nginx-deploy created\n');
      expect(s.steps[3].stdout).toMatch(/deployment "nginx-deploy" successfully rolled out\n$/);
      expect(s.steps[4].stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nnginx-deploy\s+3\/3\s+3\s+3\s/);
      expect(s.steps[7].stdout).toBe('deployment.apps/nginx-deploy edited\n');
      expect(s.steps[9].stdout).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nnginx-deploy-\w+\s+(0\s+0\s+0|5\s+5\s+5)\s+\S+\nnginx-deploy-\w+\s+(0\s+0\s+0|5\s+5\s+5)\s/);
      expect(s.steps[11].stdout).toBe('deployment.apps/nginx-deploy rolled back\n');
      expect(s.steps[13].stdout).toBe('nginx:1.19');
      expect(status(s.get('deploy', 'nginx-deploy', 'ngx')).readyReplicas).toBe(5);
    },
  },
  {
    id: 'cka/env-configmap-secret-pods',
    source: `${SRC} workloads-scheduling.md › env var PLANET, configmap space as env and as a subPath file, secret admin-cred as env and volume`,
    firstRun: 'pass',
    script: String.raw`
cat <<EOF > envvar.yaml
${BUSYBOX_POD('envvar', '    env:\n      - name: PLANET\n        value: "blue"\n')}EOF
kubectl apply -f envvar.yaml
kubectl create configmap space --from-literal=planet=blue --from-literal=moon=white
cat <<EOF > configenvvar.yaml
${BUSYBOX_POD('configenvvar', '    env:\n      - name: PLANET\n        valueFrom:\n          configMapKeyRef:\n            name: space\n            key: planet\n      - name: MOON\n        valueFrom:\n         configMapKeyRef:\n            name: space\n            key: moon\n')}EOF
kubectl apply -f configenvvar.yaml
cat << EOF > system.conf
planet=blue
moon=white
EOF
kubectl create configmap space-system --from-file=system.conf
cat <<EOF > confvolume.yaml
${BUSYBOX_POD('confvolume', '    volumeMounts:\n      - name: system\n        mountPath: /etc/system.conf\n        subPath: system.conf\n    resources: {}\n  volumes:\n  - name: system\n    configMap:\n      name: space-system\n')}EOF
kubectl apply -f confvolume.yaml
echo -n 'admin' > username
echo -n 'admin-pass' > password
kubectl create secret generic admin-cred --from-file=username --from-file=password
cat <<EOF > secretenv.yaml
${BUSYBOX_POD('secretenv', '    env:\n      - name: USERNAME\n        valueFrom:\n          secretKeyRef:\n            name: admin-cred\n            key: username\n      - name: PASSWORD\n        valueFrom:\n          secretKeyRef:\n            name: admin-cred\n            key: password\n')}EOF
kubectl apply -f secretenv.yaml
cat <<EOF > secretvolume.yaml
${BUSYBOX_POD('secretvolume', '    volumeMounts:\n      - name: admincred\n        mountPath: /etc/admin-cred\n        readOnly: true\n  volumes:\n  - name: admincred\n    secret:\n      secretName: admin-cred\n')}EOF
kubectl apply -f secretvolume.yaml
sleep 15
kubectl exec envvar -- env | grep PLANET
kubectl exec configenvvar -- env | grep -E "PLANET|MOON"
kubectl exec confvolume -- cat /etc/system.conf
kubectl exec secretenv -- env | grep -E "USERNAME|PASSWORD"
kubectl exec secretvolume -- ls /etc/admin-cred
kubectl exec secretvolume -- cat /etc/admin-cred/username
`,
    check(s) {
      const out = (prefix: string) => s.output(prefix)!.stdout;
      expect(out('kubectl exec envvar')).toBe('PLANET=blue\n');
      expect(out('kubectl exec configenvvar')).toBe('PLANET=blue\nMOON=white\n');
      expect(out('kubectl exec confvolume')).toBe('planet=blue\nmoon=white\n');
      expect(out('kubectl exec secretenv')).toBe('USERNAME=admin\nPASSWORD=admin-pass\n');
      expect(out('kubectl exec secretvolume -- ls')).toBe('password\nusername\n');
      expect(out('kubectl exec secretvolume -- cat')).toBe('admin');
    },
  },
  {
    id: 'cka/scale-and-autoscale',
    source: `${SRC} workloads-scheduling.md › scale a deployment to 4; autoscale another between 2 and 6 at 70% CPU`,
    firstRun: 'fail',
    fixedBy: "HPA: a target below minReplicas or above maxReplicas is rescaled to the bound",
    script: String.raw`
kubectl create deployment scalable --image=nginx:latest
kubectl scale deployment scalable --replicas=4
kubectl create deployment autoscalable --image=nginx:latest
kubectl autoscale deployment autoscalable --min=2 --max=6 --cpu-percent=70
sleep 60
kubectl get hpa
kubectl get pods -l app=autoscalable --no-headers | wc -l
`,
    check(s) {
      expect(spec(s.get('deploy', 'scalable')).replicas).toBe(4);
      expect(s.steps[5].stdout).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\nautoscalable\s+Deployment\/autoscalable\s+cpu: <unknown>\/70%\s+2\s+6\s+2\s/);
      expect(s.steps[6].stdout).toBe('2\n');
    },
  },
  {
    id: 'cka/daemonset-on-workers',
    source: `${SRC} workloads-scheduling.md › DaemonSet of busybox runs on every node (not the tainted control plane)`,
    firstRun: 'pass',
    script: String.raw`
cat <<EOF > daemonset.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    type: daemon
  name: daemontest
spec:
  selector:
    matchLabels:
      run: daemon
  template:
    metadata:
      labels:
        run: daemon
      name: daemonpod
    spec:
      containers:
      - image: busybox:latest
        name: daemonpod
        args:
          - sleep
          - "3600"
EOF
kubectl apply -f daemonset.yaml
sleep 15
kubectl get pods -o wide
`,
    check(s) {
      const pods = s.list('pods', 'default');
      expect(pods.map((p) => spec(p).nodeName).sort()).toEqual(['node01', 'node02']);
      expect(s.steps[3].stdout.match(/daemontest-\w{5}\s+1\/1\s+Running/g)).toHaveLength(2);
    },
  },
  {
    id: 'cka/requests-limits-describe',
    source: `${SRC} workloads-scheduling.md › busybox requesting 1Gi/500m, limited to 2Gi/1`,
    firstRun: 'pass',
    script: String.raw`
cat <<EOF > podquota.yaml
${BUSYBOX_POD('podquota', '    resources:\n      requests:\n        memory: "1Gi"\n        cpu: "500m"\n      limits:\n        memory: "2Gi"\n        cpu: "1"\n')}EOF
kubectl apply -f podquota.yaml
kubectl describe pod podquota | grep -A5 Limits:
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('    Limits:\n      cpu:     1\n      memory:  2Gi\n    Requests:\n      cpu:        500m\n      memory:     1Gi\n');
    },
  },
  {
    id: 'cka/node-selector-anti-affinity-toleration-nodename',
    source: `${SRC} workloads-scheduling.md › nodeSelector kind=special, pod anti-affinity, taint + cordon + toleration, nodeName`,
    firstRun: 'pass',
    script: String.raw`
cat <<EOF > pod-selector.yaml
${BUSYBOX_POD('podsel', '  nodeSelector:\n    kind: special\n')}EOF
kubectl label nodes node01 kind=special
kubectl apply -f pod-selector.yaml
cat <<EOF > pod-antiaffinity.yaml
${BUSYBOX_POD('podaff', '  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        - labelSelector:\n            matchExpressions:\n              - key: run\n                operator: In\n                values:\n                  - podsel\n          topologyKey: kubernetes.io/hostname\n')}EOF
kubectl apply -f pod-antiaffinity.yaml
cat <<EOF > pod-toleration.yaml
${BUSYBOX_POD('podtol', '  tolerations:\n  - key: "type"\n    operator: "Equal"\n    value: "special"\n    effect: "NoSchedule"\n')}EOF
kubectl taint node node01 type=special:NoSchedule
kubectl cordon node02
kubectl apply -f pod-toleration.yaml
sleep 5
kubectl get pods -o wide
kubectl uncordon node02
kubectl taint node node01 type=special:NoSchedule-
cat <<EOF > pod-node.yaml
${BUSYBOX_POD('podnode', '  nodeName: node02\n')}EOF
kubectl apply -f pod-node.yaml
kubectl get events | grep Scheduled
`,
    check(s) {
      const node = (p: string) => spec(s.get('pod', p)).nodeName;
      expect(node('podsel')).toBe('node01');
      expect(node('podaff')).toBe('node02');
      expect(node('podtol')).toBe('node01');
      expect(node('podnode')).toBe('node02');
      expect(s.output('kubectl cordon')!.stdout).toBe('node/node02 cordoned\n');
      expect(s.output('kubectl uncordon')!.stdout).toBe('node/node02 uncordoned\n');
      expect(s.output('kubectl taint node node01 type=special:NoSchedule-')!.stdout).toBe('node/node01 untainted\n');
      // podnode bypassed the scheduler: no Scheduled event for it.
      expect(s.steps[s.steps.length - 1].stdout).not.toContain('pod/podnode');
      expect(s.steps[s.steps.length - 1].stdout).toMatch(/Normal\s+Scheduled\s+pod\/podtol\s+Successfully assigned default\/podtol to node01\n/);
    },
  },
  {
    id: 'cka/nodeport-service-curl',
    source: `${SRC} services-networking.md › nginx deployment, 2 replicas, NodePort service, curl through the node port`,
    firstRun: 'pass',
    script: String.raw`
kubectl create deployment nginx --image=nginx:latest
kubectl scale deployment nginx --replicas=2
kubectl expose deployment nginx --port=80 --target-port=80 --type=NodePort
sleep 15
kubectl describe svc nginx
kubectl get pods -l app=nginx -o wide
curl http://$(kubectl get node controlplane -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'):$(kubectl get svc nginx -o jsonpath='{.spec.ports[0].nodePort}')
`,
    check(s) {
      const port = spec(s.get('svc', 'nginx')).ports[0].nodePort;
      expect(s.steps[4].stdout).toMatch(new RegExp(`\\nType:\\s+NodePort\\n[\\s\\S]*\\nNodePort:\\s+<unset>  ${port}/TCP\\nEndpoints:\\s+10\\.244\\.\\d+\\.\\d+:80,10\\.244\\.\\d+\\.\\d+:80\\nSession Affinity:\\s+None\\nExternal Traffic Policy:\\s+Cluster\\n`));
      expect(s.steps[6].stdout).toContain('<h1>Welcome to nginx!</h1>');
    },
  },
  {
    id: 'cka/loadbalancer-service',
    source: `${SRC} services-networking.md › the same behind a LoadBalancer service (MetalLB in the lab)`,
    firstRun: 'pass',
    script: String.raw`
kubectl create deployment nginx-lb --image=nginx:latest
kubectl scale deployment nginx-lb --replicas=2
kubectl expose deployment nginx-lb --port=80 --target-port=80 --type=LoadBalancer
sleep 15
kubectl describe svc nginx-lb
curl http://$(kubectl get svc nginx-lb -o jsonpath='{.status.loadBalancer.ingress[0].ip}'):80
`,
    check(s) {
      const ip = status(s.get('svc', 'nginx-lb')).loadBalancer.ingress[0].ip;
      expect(s.steps[4].stdout).toContain(`LoadBalancer Ingress:     ${ip} (VIP)\n`);
      expect(s.steps[4].stdout).toMatch(/Normal\s+IPAllocated\s+\S+\s+metallb-controller\s+Assigned IP \["/);
      expect(s.steps[5].stdout).toContain('<h1>Welcome to nginx!</h1>');
    },
  },
  {
    id: 'cka/ingress-two-backends',
    source: `${SRC} services-networking.md › ingress routing /nginx and /apache to two services`,
    firstRun: 'pass',
    script: String.raw`
kubectl create deployment nginx-lb --image=nginx:latest
kubectl expose deployment nginx-lb --port=80 --target-port=80
kubectl create deployment apache-lb --image=httpd:2.4
kubectl expose deployment apache-lb --port=8080 --target-port=80
cat <<EOF > web-ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web-ingress
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  rules:
  - host: nginx-or-apache.com
    http:
      paths:
      - pathType: Prefix
        path: /nginx
        backend:
          service:
            name: nginx-lb
            port:
              number: 80
      - pathType: Prefix
        path: /apache
        backend:
          service:
            name: apache-lb
            port:
              number: 8080
EOF
kubectl apply -f web-ingress.yaml
kubectl describe ingress web-ingress
`,
    check(s) {
      const ing = spec(s.get('ingress', 'web-ingress'));
      expect(ing.rules[0].http.paths.map((p: { path: string }) => p.path)).toEqual(['/nginx', '/apache']);
      expect(s.steps[6].stdout).toMatch(/\nRules:\n  Host                 Path  Backends\n  ----                 ----  --------\n  nginx-or-apache\.com  \n                       \/nginx    nginx-lb:80 \(10\.244\.\d+\.\d+:80\)\n                       \/apache   apache-lb:8080 \(10\.244\.\d+\.\d+:80\)\n/);
    },
  },
  {
    id: 'cka/coredns-nslookup',
    source: `${SRC} services-networking.md › resolve two services from a busybox pod`,
    firstRun: 'pass',
    script: String.raw`
kubectl create deployment nginx-lb --image=nginx:latest
kubectl expose deployment nginx-lb --port=80
kubectl run busybox --image=busybox --rm -it --restart=Never -- sh
nslookup nginx-lb
exit
`,
    check(s) {
      const ip = spec(s.get('svc', 'nginx-lb')).clusterIP;
      expect(s.steps[3].stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnginx-lb.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    },
  },
  {
    id: 'cka/hostpath-pod',
    source: `${SRC} storage.md › a pod mounting a hostPath directory sees the node's files`,
    firstRun: 'fail',
    script: String.raw`
cat <<EOF > pv-pod.yml
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: pv-pod
  name: pv-pod
spec:
  nodeName: node01
  containers:
  - image: busybox:latest
    name: pv-pod
    args:
      - sleep
      - "3600"
    volumeMounts:
    - name: data
      mountPath: "/data"
  volumes:
  - name: data
    hostPath:
      path: "/home/ubuntu/data/"
EOF
ssh node01 'mkdir -p /home/ubuntu/data && touch /home/ubuntu/data/file'
kubectl apply -f pv-pod.yml
sleep 10
kubectl exec pv-pod -- ls /data
`,
    check(s) {
      expect(s.steps[4].stdout).toBe('file\n');
    },
    fixedBy: "one filesystem per node (kubelet/node-fs.ts): the node shell and the kubelet's hostPath volumes share it",
  },
  {
    id: 'cka/pvc-data-survives-pod',
    source: `${SRC} storage.md › PV + PVC on hostPath; a file written by one pod is seen by the next`,
    firstRun: 'pass',
    script: String.raw`
cat <<EOF > pv-data.yml
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-data
spec:
  storageClassName: "local"
  capacity:
    storage: 1Gi
  accessModes:
    - ReadWriteOnce
  hostPath:
    path: "/home/ubuntu/data"
EOF
cat <<EOF > pvc-data.yml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: pvc-data
spec:
  storageClassName: "local"
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
EOF
cat <<EOF > pvc-pod.yml
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: pvc-pod
  name: pvc-pod
spec:
  nodeName: node01
  containers:
  - image: busybox:latest
    name: pvc-pod
    args:
      - sleep
      - "3600"
    volumeMounts:
    - name: data
      mountPath: "/data"
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: pvc-data
EOF
kubectl apply -f pv-data.yml
kubectl apply -f pvc-data.yml
kubectl apply -f pvc-pod.yml
sleep 10
kubectl get pv
kubectl get pvc
kubectl exec pvc-pod -- touch /data/file2
kubectl delete -f pvc-pod.yml
sed 's/pvc-pod$/pvc-pod-2/' pvc-pod.yml > pvc-pod-2.yml
kubectl apply -f pvc-pod-2.yml
sleep 10
kubectl exec pvc-pod-2 -- ls /data/
`,
    check(s) {
      expect(s.output('kubectl get pv')!.stdout).toMatch(/\npv-data\s+1Gi\s+RWO\s+Retain\s+Bound\s+default\/pvc-data\s+local\s/);
      expect(s.output('kubectl get pvc')!.stdout).toMatch(/\npvc-data\s+Bound\s+pv-data\s+1Gi\s+RWO\s+local\s/);
      expect(s.steps[s.steps.length - 1].stdout).toBe('file2\n');
    },
  },
  {
    id: 'cka/drain-and-uncordon',
    source: `${SRC} cluster-architecture-installation-configuration.md › drain a worker for maintenance, then uncordon`,
    firstRun: 'pass',
    script: String.raw`
kubectl create deploy web --image=nginx --replicas=4
sleep 15
kubectl drain node01 --ignore-daemonsets
kubectl get nodes
kubectl get pods -o wide | grep -c node01
kubectl uncordon node01
`,
    check(s) {
      expect(s.steps[2].stdout).toMatch(/^node\/node01 cordoned\n(evicting pod [\w-]+\/[\w-]+\n)+(pod\/[\w-]+ evicted\n)+node\/node01 drained\n$/);
        expect(s.steps[3].stdout).toMatch(/\nnode01\s+Ready,SchedulingDisabled\s+<none>\s/);
      expect(s.steps[4].stdout).toBe('0\n');
      expect(s.steps[5].stdout).toBe('node/node01 uncordoned\n');
      expect(status(s.get('deploy', 'web')).readyReplicas).toBe(4);
    },
  },
  {
    id: 'cka/etcd-version-in-static-pod',
    source: `${SRC} cluster-architecture-installation-configuration.md › etcd version from the etcd pod`,
    firstRun: 'fail',
    fixedBy: "kubelet programs: etcd --version",
    script: String.raw`
kubectl exec -it -n kube-system etcd-controlplane -- etcd --version
`,
    check(s) {
      expect(s.steps[0].stdout).toMatch(/^etcd Version: 3\.5\.16\nGit SHA: \w+\nGo Version: go1\.\d+\.\d+\nGo OS\/Arch: linux\/amd64\n$/);
    },
  },
  {
    id: 'cka/kubeadm-install-and-upgrade',
    source: `${SRC} cluster-architecture-installation-configuration.md › containerd/kubeadm install, kubeadm init/join, upgrade with apt`,
    firstRun: 'pass',
    script: '',
    check() {},
    skip: 'installing packages with apt from the internet and bootstrapping nodes with kubeadm init/join are outside a simulated, already-built cluster',
  },
];
