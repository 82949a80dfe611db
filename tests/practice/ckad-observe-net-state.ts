import { expect } from 'vitest';
import type { PracticeScenario } from './types';
import { spec } from './types';

const SRC = 'dgkanatsios/CKAD-exercises';

/** Observability, services & networking, state persistence, CRDs (e/f/g/i .md), helm and podman (skipped). */
export const CKAD_OBSERVE_NET_STATE: PracticeScenario[] = [
  {
    id: 'observe/liveness-exec-ls',
    source: `${SRC} e.observability.md › liveness probe running ls, then delay 5 s / period 5 s`,
    firstRun: 'fail',
    fixedBy: "script runner: #@sed replacement text as GNU sed's",
    script: String.raw`
kubectl run nginx --image=nginx --restart=Never --dry-run=client -o yaml > pod.yaml
vi pod.yaml
#@sed s/^    resources: {}/    resources: {}\n    livenessProbe: # our probe\n      exec: # add this line\n        command: # command definition\n        - ls # ls command/
kubectl create -f pod.yaml
kubectl describe pod nginx | grep -i liveness
kubectl delete -f pod.yaml
kubectl explain pod.spec.containers.livenessProbe | grep -E '^  (initialDelaySeconds|periodSeconds)'
vi pod.yaml
#@sed s/^    livenessProbe:.*/    livenessProbe:\n      initialDelaySeconds: 5 # add this line\n      periodSeconds: 5 # add this line as well/
kubectl create -f pod.yaml
kubectl describe po nginx | grep -i liveness
kubectl delete -f pod.yaml
`,
    check(s) {
      expect(s.steps[3].stdout).toBe('    Liveness:       exec [ls] delay=0s timeout=1s period=10s #success=1 #failure=3\n');
      expect(s.steps[4].stdout).toBe('pod "nginx" deleted\n');
      expect(s.steps[5].stdout).toBe('  initialDelaySeconds\t<integer>\n  periodSeconds\t<integer>\n');
      expect(s.steps[8].stdout).toBe('    Liveness:       exec [ls] delay=5s timeout=1s period=5s #success=1 #failure=3\n');
    },
  },
  {
    id: 'observe/readiness-http',
    source: `${SRC} e.observability.md › HTTP readiness probe on / port 80`,
    firstRun: 'fail',
    fixedBy: "script runner: #@sed replacement text as GNU sed's",
    script: String.raw`
kubectl run nginx --image=nginx --dry-run=client -o yaml --restart=Never --port=80 > pod.yaml
vi pod.yaml
#@sed s/^    resources: {}/    resources: {}\n    readinessProbe: # declare the readiness probe\n      httpGet: # add this line\n        path: \/ #\n        port: 80 #/
kubectl create -f pod.yaml
sleep 10
kubectl describe pod nginx | grep -i readiness
kubectl get pod nginx
kubectl delete -f pod.yaml
`,
    check(s) {
      expect(s.steps[4].stdout).toBe('    Readiness:      http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3\n');
      expect(s.steps[5].stdout).toMatch(/\nnginx\s+1\/1\s+Running\s+0\s/);
    },
  },
  {
    id: 'observe/failed-liveness-events-jq',
    source: `${SRC} e.observability.md › list pods whose liveness probe failed as <namespace>/<pod>`,
    firstRun: 'pass',
    script: String.raw`
for ns in qa alan; do kubectl create ns $ns; done
for ns in qa alan; do cat <<EOF | kubectl apply -n $ns -f -
apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox
    args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      initialDelaySeconds: 5
      periodSeconds: 5
EOF
done
kubectl run healthy -n qa --image=nginx
sleep 60
kubectl get events -A -o json | jq -r '.items[] | select(.message | contains("Liveness probe failed")).involvedObject | .namespace + "/" + .name' | sort -u
kubectl get events -n qa --field-selector reason=Unhealthy
`,
    check(s) {
      expect(s.steps[4].stdout).toBe('alan/liveness-exec\nqa/liveness-exec\n');
      expect(s.steps[5].stdout).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n\S+\s+Warning\s+Unhealthy\s+pod\/liveness-exec\s+Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory\n/);
    },
  },
  {
    id: 'observe/logs-follow-counter',
    source: `${SRC} e.observability.md › busybox printing a counter every second; follow its logs`,
    firstRun: 'pass',
    script: String.raw`
kubectl run busybox --image=busybox --restart=Never -- /bin/sh -c 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'
sleep 5
#@ctrl-c-after 3000
kubectl logs busybox -f
`,
    check(s) {
      const lines = s.steps[2].stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^0: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/);
      expect(lines.length).toBeGreaterThan(3);
      expect(s.steps[2].exitCode).toBe(130);
    },
  },
  {
    id: 'observe/debug-ls-notexist',
    source: `${SRC} e.observability.md › busybox running ls /notexist: logs, describe, delete`,
    firstRun: 'pass',
    script: String.raw`
kubectl run busybox --restart=Never --image=busybox -- /bin/sh -c 'ls /notexist'
sleep 10
kubectl logs busybox
kubectl get po busybox
kubectl describe po busybox | grep -A3 'State:'
kubectl delete po busybox
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('ls: /notexist: No such file or directory\n');
      expect(s.steps[3].stdout).toMatch(/\nbusybox\s+0\/1\s+Error\s+0\s/);
      expect(s.steps[4].stdout).toBe('    State:          Terminated\n      Reason:       Error\n      Exit Code:    1\n      Started:      ' + s.steps[4].stdout.split('Started:      ')[1]);
    },
  },
  {
    id: 'observe/debug-command-not-found-force-delete',
    source: `${SRC} e.observability.md › busybox running "notexist": events show the error; force delete`,
    firstRun: 'pass',
    script: String.raw`
kubectl run busybox --restart=Never --image=busybox -- notexist
sleep 10
kubectl logs busybox
kubectl describe po busybox | grep Warning
kubectl get events | grep -i error
kubectl delete po busybox --force --grace-period=0
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('');
      expect(s.steps[3].stdout).toContain('exec: "notexist": executable file not found in $PATH: unknown');
      expect(s.steps[4].stdout).toMatch(/Warning\s+Failed\s+pod\/busybox\s+Error: failed to create containerd task/);
      expect(s.steps[5].stdout).toBe('pod "busybox" force deleted\n');
      expect(s.steps[5].stderr).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
      expect(s.get('pod', 'busybox')).toBeUndefined();
    },
  },
  {
    id: 'observe/top-nodes',
    source: `${SRC} e.observability.md › CPU/memory of the nodes (metrics-server)`,
    firstRun: 'pass',
    script: String.raw`
sleep 60
kubectl top nodes
`,
    check(s) {
      expect(s.steps[1].stdout).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s+\ncontrolplane\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s+\nnode01\s/);
    },
  },
  {
    id: 'net/run-expose-clusterip-nodeport',
    source: `${SRC} f.services.md › pod + service with --expose, endpoints, wget the ClusterIP, patch to NodePort, hit the node`,
    firstRun: 'pass',
    script: String.raw`
kubectl run nginx --image=nginx --restart=Never --port=80 --expose
kubectl get svc nginx
sleep 10
kubectl get ep
IP=$(kubectl get svc nginx --template={{.spec.clusterIP}})
kubectl run busybox --rm --image=busybox -it --restart=Never --env="IP=$IP" -- wget -O- $IP:80 --timeout 2
kubectl patch svc nginx -p '{"spec":{"type":"NodePort"}}'
kubectl get svc
wget -O- $(kubectl get node node01 -o jsonpath='{.status.addresses[0].address}'):$(kubectl get svc nginx -o jsonpath='{.spec.ports[0].nodePort}')
kubectl delete svc nginx
kubectl delete pod nginx
`,
    check(s) {
      expect(s.steps[0].stdout).toBe('service/nginx created\npod/nginx created\n');
      expect(s.get('pod', 'nginx')).toBeUndefined(); // deleted at the end
      expect(s.steps[3].stdout).toMatch(/\nnginx\s+10\.244\.\d+\.\d+:80\s/);
      expect(s.steps[5].stdout).toContain('<title>Welcome to nginx!</title>');
      expect(s.steps[6].stdout).toBe('service/nginx patched\n');
      expect(s.steps[7].stdout).toMatch(/\nnginx\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+80:3\d{4}\/TCP\s/);
      expect(s.steps[8].stdout).toContain('<title>Welcome to nginx!</title>');
      expect(s.steps[9].stdout).toBe('service "nginx" deleted\n');
    },
  },
  {
    id: 'net/pod-ips-through-xargs',
    source: `${SRC} f.services.md › wget every pod IP of a deployment through xargs -L1 -I`,
    firstRun: 'fail',
    fixedBy: "shell: GNU xargs (-L, -I line semantics, attached values)",
    script: String.raw`
kubectl create deploy foo --image=nginx --port=80 --replicas=3
sleep 15
kubectl get po -l app=foo -o jsonpath='{range .items[*]}{.status.podIP}{"\n"}{end}' | xargs -L1 -I '{}' kubectl run --rm -ti tmp --restart=Never --image=busybox -- wget -qO- http://\{\}:80
kubectl get po -o wide -l app=foo | awk '{print $6}' | grep -v IP | xargs -L1 -I '{}' kubectl run --rm -ti tmp --restart=Never --image=busybox -- wget -qO- http://\{\}:80
`,
    check(s) {
      for (const i of [2, 3]) {
        expect(s.steps[i].stdout.match(/<title>Welcome to nginx!<\/title>/g)).toHaveLength(3);
        expect(s.steps[i].stdout.match(/pod "tmp" deleted/g)).toHaveLength(3);
      }
    },
  },
  {
    id: 'net/simpleapp-hostname-behind-service',
    source: `${SRC} f.services.md › deployment foo of dgkanatsios/simpleapp on 8080 behind service port 6262`,
    firstRun: 'fail',
    script: String.raw`
kubectl create deploy foo --image=dgkanatsios/simpleapp --port=8080 --replicas=3
kubectl label deployment foo --overwrite app=foo
sleep 15
kubectl expose deploy foo --port=6262 --target-port=8080
kubectl get endpoints foo
kubectl run busybox --image=busybox -it --rm --restart=Never -- wget -qO- foo:6262
`,
    check(s) {
      expect(s.steps[1].stdout).toBe('deployment.apps/foo not labeled\n');
      expect(s.steps[4].stdout).toMatch(/\nfoo\s+10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080\s/);
      expect(s.steps[5].stdout).toMatch(/^foo-[a-z0-9]+-[a-z0-9]{5}/);
    },
    fixedBy: 'kubelet images: dgkanatsios/simpleapp',
  },
  {
    id: 'net/networkpolicy-access-granted',
    source: `${SRC} f.services.md › only pods labelled access=granted reach the nginx deployment`,
    firstRun: 'pass',
    script: String.raw`
kubectl create deployment nginx --image=nginx --replicas=2
kubectl expose deployment nginx --port=80
kubectl describe svc nginx
vi policy.yaml
#@edit
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  name: access-nginx # pick a name
spec:
  podSelector:
    matchLabels:
      app: nginx # selector for the pods
  ingress: # allow ingress traffic
  - from:
    - podSelector: # from pods
        matchLabels: # with this label
          access: granted
#@end
kubectl create -f policy.yaml
sleep 10
kubectl run busybox --image=busybox --rm -it --restart=Never -- wget -O- http://nginx:80 --timeout 2
kubectl run busybox --image=busybox --rm -it --restart=Never --labels=access=granted -- wget -O- http://nginx:80 --timeout 2
`,
    check(s) {
      expect(s.steps[2].stdout).toMatch(/^Name:\s+nginx\n[\s\S]*\nSelector:\s+app=nginx\n[\s\S]*\nEndpoints:\s+10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80\n/);
      expect(s.steps[4].stdout).toBe('networkpolicy.networking.k8s.io/access-nginx created\n');
      expect(s.steps[6].stdout).toMatch(/^Connecting to nginx \(10\.\d+\.\d+\.\d+:80\)\nwget: download timed out\n/);
      expect(s.steps[6].exitCode).toBe(1);
      expect(s.steps[7].stdout).toContain('<title>Welcome to nginx!</title>');
      expect(s.steps[7].exitCode).toBe(0);
    },
  },
  {
    id: 'state/emptydir-shared-by-two-containers',
    source: `${SRC} g.state.md › two busybox containers share an emptyDir; passwd users written by one, read by the other`,
    firstRun: 'fail',
    script: String.raw`
kubectl run busybox --image=busybox --restart=Never -o yaml --dry-run=client -- /bin/sh -c 'sleep 3600' > pod.yaml
vi pod.yaml
#@edit
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: busybox
  name: busybox
spec:
  dnsPolicy: ClusterFirst
  restartPolicy: Never
  containers:
  - args:
    - /bin/sh
    - -c
    - sleep 3600
    image: busybox
    imagePullPolicy: IfNotPresent
    name: busybox
    resources: {}
    volumeMounts: #
    - name: myvolume #
      mountPath: /etc/foo #
  - args:
    - /bin/sh
    - -c
    - sleep 3600
    image: busybox
    name: busybox2 # don't forget to change the name during copy paste, must be different from the first container's name!
    volumeMounts: #
    - name: myvolume #
      mountPath: /etc/foo #
  volumes: #
  - name: myvolume #
    emptyDir: {} #
#@end
kubectl create -f pod.yaml
sleep 10
kubectl exec -it busybox -c busybox2 -- /bin/sh
cat /etc/passwd | cut -f 1 -d ':' > /etc/foo/passwd
cat /etc/foo/passwd
exit
kubectl exec -it busybox -c busybox -- /bin/sh
mount | grep foo
cat /etc/foo/passwd
exit
kubectl delete po busybox
`,
    check(s) {
      expect(s.steps[6].stdout).toMatch(/^root\ndaemon\nbin\nsys\n/);
      expect(s.steps[9].stdout).toMatch(/ on \/etc\/foo type /);
      expect(s.steps[10].stdout).toBe(s.steps[6].stdout);
    },
    fixedBy: 'kubelet images: busybox mount applet, delegated from container shells'
  },
  {
    id: 'state/pv-pvc-hostpath',
    source: `${SRC} g.state.md › PV myvolume (hostPath, RWO+RWX, class normal) and PVC mypvc binding to it`,
    firstRun: 'pass',
    script: String.raw`
vi pv.yaml
#@edit
kind: PersistentVolume
apiVersion: v1
metadata:
  name: myvolume
spec:
  storageClassName: normal
  capacity:
    storage: 10Gi
  accessModes:
    - ReadWriteOnce
    - ReadWriteMany
  hostPath:
    path: /etc/foo
#@end
kubectl create -f pv.yaml
kubectl get pv
vi pvc.yaml
#@edit
kind: PersistentVolumeClaim
apiVersion: v1
metadata:
  name: mypvc
spec:
  storageClassName: normal
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 4Gi
#@end
kubectl create -f pvc.yaml
kubectl get pvc
kubectl get pv
`,
    check(s) {
      expect(s.steps[2].stdout).toMatch(/^NAME\s+CAPACITY\s+ACCESS MODES\s+RECLAIM POLICY\s+STATUS\s+CLAIM\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+REASON\s+AGE\nmyvolume\s+10Gi\s+RWO,RWX\s+Retain\s+Available\s+normal\s+<unset>\s+\d+s\n$/);
      expect(s.steps[5].stdout).toMatch(/\nmypvc\s+Bound\s+myvolume\s+10Gi\s+RWO,RWX\s+normal\s+<unset>\s+\d+s\n$/);
      expect(s.steps[6].stdout).toMatch(/\nmyvolume\s+10Gi\s+RWO,RWX\s+Retain\s+Bound\s+default\/mypvc\s+normal\s/);
    },
  },
  {
    id: 'state/pvc-pod-copy-passwd',
    source: `${SRC} g.state.md › busybox pod mounting mypvc copies /etc/passwd into it; a second pod maybe on another node`,
    firstRun: 'fail',
    fixedBy: "kubelet images: nginx 1.7–1.29 releases, /etc/passwd and /etc/group in busybox",
    script: String.raw`
cat <<EOF | kubectl create -f -
kind: PersistentVolume
apiVersion: v1
metadata:
  name: myvolume
spec:
  storageClassName: normal
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOnce, ReadWriteMany]
  hostPath:
    path: /etc/foo
---
kind: PersistentVolumeClaim
apiVersion: v1
metadata:
  name: mypvc
spec:
  storageClassName: normal
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 4Gi
EOF
kubectl run busybox --image=busybox --restart=Never -o yaml --dry-run=client -- /bin/sh -c 'sleep 3600' > pod.yaml
vi pod.yaml
#@sed s/^    resources: {}/    resources: {}\n    volumeMounts: #\n    - name: myvolume #\n      mountPath: \/etc\/foo #/
#@sed s/^status: {}/  volumes: #\n  - name: myvolume #\n    persistentVolumeClaim: #\n      claimName: mypvc #\nstatus: {}/
kubectl create -f pod.yaml
sleep 10
kubectl exec busybox -it -- cp /etc/passwd /etc/foo/passwd
kubectl exec busybox -- ls /etc/foo
`,
    check(s) {
      expect(spec(s.get('pod', 'busybox')).volumes[0]).toEqual({ name: 'myvolume', persistentVolumeClaim: { claimName: 'mypvc' } });
      expect(s.steps[5].exitCode).toBe(0);
      expect(s.steps[6].stdout).toBe('passwd\n');
    },
  },
  {
    id: 'state/kubectl-cp-from-pod',
    source: `${SRC} g.state.md › kubectl cp busybox:/etc/passwd ./passwd`,
    firstRun: 'fail',
    fixedBy: "kubelet images: nginx 1.7–1.29 releases, /etc/passwd and /etc/group in busybox; kubectl cp: the container's tar warning",
    script: String.raw`
kubectl run busybox --image=busybox --restart=Never -- sleep 3600
sleep 10
kubectl cp busybox:/etc/passwd ./passwd
cat passwd
`,
    check(s) {
      expect(s.steps[2].stderr).toBe('tar: removing leading \'/\' from member names\n');
      expect(s.steps[3].stdout).toMatch(/^root:x:0:0:root:\/root:\/bin\/sh\n/);
    },
  },
  {
    id: 'crd/operator-crd-and-object',
    source: `${SRC} i.crd.md › CRD operators.stable.example.com, an Operator object, listed by plural/singular/short name`,
    firstRun: 'pass',
    script: String.raw`
vi operator-crd.yml
#@edit
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  # name must match the spec fields below, and be in the form: <plural>.<group>
  name: operators.stable.example.com
spec:
  group: stable.example.com
  versions:
    - name: v1
      served: true
      # One and only one version must be marked as the storage version.
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                email:
                  type: string
                name:
                  type: string
                age:
                  type: integer
  scope: Namespaced
  names:
    plural: operators
    singular: operator
    # kind is normally the CamelCased singular type. Your resource manifests use this.
    kind: Operator
    shortNames:
    - op
#@end
kubectl apply -f operator-crd.yml
vi operator.yml
#@edit
apiVersion: stable.example.com/v1
kind: Operator
metadata:
  name: operator-sample
spec:
  email: operator-sample@stable.example.com
  name: "operator sample"
  age: 30
#@end
kubectl apply -f operator.yml
kubectl get operators
kubectl get operator
kubectl get op
`,
    check(s) {
      expect(s.steps[1].stdout).toBe('customresourcedefinition.apiextensions.k8s.io/operators.stable.example.com created\n');
      expect(s.steps[3].stdout).toBe('operator.stable.example.com/operator-sample created\n');
      for (const i of [4, 5, 6]) expect(s.steps[i].stdout).toMatch(/^NAME\s+AGE\noperator-sample\s+\d+s\n$/);
      expect(spec(s.get('op', 'operator-sample'))).toEqual({ email: 'operator-sample@stable.example.com', name: 'operator sample', age: 30 });
    },
  },
  {
    id: 'helm/all',
    source: `${SRC} h.helm.md`,
    firstRun: 'pass',
    script: '',
    check() {},
    skip: 'helm is not part of the simulated lab (no helm binary or chart repositories)',
  },
  {
    id: 'podman/all',
    source: `${SRC} j.podman.md`,
    firstRun: 'pass',
    script: '',
    check() {},
    skip: 'podman builds and runs images outside Kubernetes; the lab simulates a cluster, not a container engine',
  },
];

