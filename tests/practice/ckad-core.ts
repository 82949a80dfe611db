import { expect } from 'vitest';
import type { PracticeScenario } from './types';
import { spec, status } from './types';

const SRC = 'dgkanatsios/CKAD-exercises';

/** Core concepts and multi-container pods (a.core_concepts.md, b.multi_container_pods.md). */
export const CKAD_CORE: PracticeScenario[] = [
  {
    id: 'core/namespace-and-pod',
    source: `${SRC} a.core_concepts.md › namespace + nginx pod in it`,
    firstRun: 'pass',
    script: String.raw`
kubectl create namespace mynamespace
kubectl run nginx --image=nginx --restart=Never -n mynamespace
`,
    check(s) {
      expect(s.steps[0].stdout).toBe('namespace/mynamespace created\n');
      expect(s.steps[1].stdout).toBe('pod/nginx created\n');
      expect(spec(s.get('pod', 'nginx', 'mynamespace')).restartPolicy).toBe('Never');
    },
  },
  {
    id: 'core/pod-yaml-from-dry-run',
    source: `${SRC} a.core_concepts.md › same pod from YAML`,
    firstRun: 'pass',
    oracle: ['kubectl run nginx --image=nginx --restart=Never --dry-run=client -n mynamespace -o yaml'],
    script: String.raw`
kubectl create namespace mynamespace
kubectl run nginx --image=nginx --restart=Never --dry-run=client -n mynamespace -o yaml > pod.yaml
cat pod.yaml
kubectl create -f pod.yaml
`,
    check(s) {
      expect(s.steps[2].stdout).toBe(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx\n  namespace: mynamespace\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n',
      );
      expect(s.steps[3].stdout).toBe('pod/nginx created\n');
      expect(s.get('pod', 'nginx', 'mynamespace')?.metadata.labels).toEqual({ run: 'nginx' });
    },
  },
  {
    id: 'core/dry-run-piped-into-create-n',
    source: `${SRC} a.core_concepts.md › one-line variant (dry-run | create -n)`,
    firstRun: 'pass',
    script: String.raw`
kubectl create namespace mynamespace
kubectl run nginx --image=nginx --restart=Never --dry-run=client -o yaml | kubectl create -n mynamespace -f -
`,
    check(s) {
      expect(s.steps[1].stdout).toBe('pod/nginx created\n');
      expect(s.get('pod', 'nginx', 'mynamespace')).toBeDefined();
    },
  },
  {
    id: 'core/busybox-env-rm-it-and-logs',
    source: `${SRC} a.core_concepts.md › busybox running "env" (kubectl command)`,
    firstRun: 'pass',
    script: String.raw`
kubectl run busybox --image=busybox --command --restart=Never -it --rm -- env
kubectl run busybox --image=busybox --command --restart=Never -- env
sleep 10
kubectl logs busybox
`,
    check(s) {
      expect(s.steps[0].stdout).toContain('HOSTNAME=busybox\n');
      expect(s.steps[0].stdout).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
      expect(s.steps[0].stdout.endsWith('pod "busybox" deleted\n')).toBe(true);
      expect(s.steps[3].stdout).toMatch(/^PATH=\/usr\/local\/sbin:.*\nHOSTNAME=busybox\n/);
      expect(status(s.get('pod', 'busybox')).phase).toBe('Succeeded');
    },
  },
  {
    id: 'core/busybox-env-from-yaml',
    source: `${SRC} a.core_concepts.md › busybox running "env" (YAML)`,
    firstRun: 'pass',
    oracle: ['kubectl run busybox --image=busybox --restart=Never --dry-run=client -o yaml --command -- env'],
    script: String.raw`
kubectl run busybox --image=busybox --restart=Never --dry-run=client -o yaml --command -- env > envpod.yaml
cat envpod.yaml
kubectl apply -f envpod.yaml
sleep 10
kubectl logs busybox
`,
    check(s) {
      expect(s.steps[1].stdout).toContain('  containers:\n  - command:\n    - env\n    image: busybox\n    name: busybox\n');
      expect(s.steps[2].stdout).toBe('pod/busybox created\n');
      expect(s.steps[4].stdout).toContain('HOSTNAME=busybox\n');
    },
  },
  {
    id: 'core/namespace-and-quota-yaml',
    source: `${SRC} a.core_concepts.md › YAML for a namespace / a ResourceQuota without creating them`,
    firstRun: 'pass',
    oracle: ['kubectl create namespace myns -o yaml --dry-run=client', 'kubectl create quota myrq --hard=cpu=1,memory=1G,pods=2 --dry-run=client -o yaml'],
    script: String.raw`
kubectl create namespace myns -o yaml --dry-run=client
kubectl create quota myrq --hard=cpu=1,memory=1G,pods=2 --dry-run=client -o yaml
`,
    check(s) {
      expect(s.steps[0].stdout).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: myns\nspec: {}\nstatus: {}\n');
      expect(s.get('ns', 'myns')).toBeUndefined();
      expect(s.get('quota', 'myrq')).toBeUndefined();
    },
  },
  {
    id: 'core/pods-all-namespaces',
    source: `${SRC} a.core_concepts.md › pods in all namespaces`,
    firstRun: 'pass',
    script: String.raw`
kubectl get po --all-namespaces
kubectl get po -A
`,
    check(s) {
      expect(s.steps[0].stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
      expect(s.steps[0].stdout).toContain('kube-system    kube-apiserver-controlplane ');
      expect(s.steps[1].stdout.split('\n').length).toBe(s.steps[0].stdout.split('\n').length);
    },
  },
  {
    id: 'core/pod-port-and-set-image',
    source: `${SRC} a.core_concepts.md › nginx pod on port 80, then change its image`,
    firstRun: 'fail',
    fixedBy: "kubelet images: nginx 1.7–1.29 releases, /etc/passwd and /etc/group in busybox; kubelet: a pod's container whose image is updated is killed and restarted",
    script: String.raw`
kubectl run nginx --image=nginx --restart=Never --port=80
sleep 10
kubectl set image pod/nginx nginx=nginx:1.7.1
sleep 30
kubectl describe po nginx
kubectl get po nginx -o jsonpath='{.spec.containers[].image}{"\n"}'
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('pod/nginx image updated\n');
      expect(s.steps[5].stdout).toBe('nginx:1.7.1\n');
      // The kubelet restarts the container with the new image (event "…definition changed, will be restarted").
      expect(s.steps[4].stdout).toMatch(/Killing\s+.*Container nginx definition changed, will be restarted/);
      const cs = status(s.get('pod', 'nginx')).containerStatuses[0];
      expect(cs.restartCount).toBe(1);
      expect(cs.image).toBe('docker.io/library/nginx:1.7.1');
    },
  },
  {
    id: 'core/temp-busybox-wget-pod-ip',
    source: `${SRC} a.core_concepts.md › temp busybox wgets the nginx pod IP`,
    firstRun: 'pass',
    script: String.raw`
kubectl run nginx --image=nginx --restart=Never --port=80
sleep 10
kubectl get po -o wide
kubectl run busybox --image=busybox --rm -it --restart=Never -- wget -O- $(kubectl get pod nginx -o jsonpath='{.status.podIP}:{.spec.containers[0].ports[0].containerPort}')
NGINX_IP=$(kubectl get pod nginx -o jsonpath='{.status.podIP}')
kubectl run busybox --image=busybox --env="NGINX_IP=$NGINX_IP" --rm -it --restart=Never -- sh -c 'wget -O- $NGINX_IP:80'
`,
    check(s) {
      const ip = status(s.get('pod', 'nginx')).podIP as string;
      expect(s.steps[2].stdout).toContain(`${ip}   node0`);
      for (const i of [3, 5]) {
        expect(s.steps[i].stdout).toContain(`Connecting to ${ip} (${ip}:80)\n`);
        expect(s.steps[i].stdout).toContain('<title>Welcome to nginx!</title>');
        expect(s.steps[i].stdout).toContain('pod "busybox" deleted\n');
      }
      expect(s.get('pod', 'busybox')).toBeUndefined();
    },
  },
  {
    id: 'core/get-yaml-describe-logs',
    source: `${SRC} a.core_concepts.md › pod YAML, describe, logs, previous logs`,
    firstRun: 'pass',
    script: String.raw`
kubectl run nginx --image=nginx --restart=Never --port=80
sleep 10
kubectl get po nginx -oyaml
kubectl get po nginx --output=yaml
kubectl describe po nginx
kubectl logs nginx
kubectl logs nginx -p
`,
    check(s) {
      expect(s.steps[2].stdout).toBe(s.steps[3].stdout);
      expect(s.steps[2].stdout).toContain('  phase: Running\n');
      expect(s.steps[4].stdout).toMatch(/^Name:\s+nginx\nNamespace:\s+default\n/);
      expect(s.steps[5].stdout).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n');
      expect(s.steps[6].stderr).toBe('Error from server (BadRequest): previous terminated container "nginx" in pod "nginx" not found\n');
      expect(s.steps[6].exitCode).toBe(1);
    },
  },
  {
    id: 'core/exec-shell-in-nginx',
    source: `${SRC} a.core_concepts.md › simple shell in the nginx pod`,
    firstRun: 'fail',
    script: String.raw`
kubectl run nginx --image=nginx --restart=Never --port=80
sleep 10
kubectl exec -it nginx -- /bin/sh
cat /etc/hostname
exit
`,
    check(s) {
      expect(s.steps[3].stdout).toBe('nginx\n');
      expect(s.steps[4].prompt).toBe('# ');
    },
    fixedBy: 'container shells prompt per image flavour (Debian sh is dash: `# `)',
  },
  {
    id: 'core/echo-hello-world-and-rm',
    source: `${SRC} a.core_concepts.md › busybox echoes hello world (kept, then --rm)`,
    firstRun: 'pass',
    script: String.raw`
kubectl run busybox --image=busybox -it --restart=Never -- echo 'hello world'
kubectl run busybox2 --image=busybox -it --restart=Never -- /bin/sh -c 'echo hello world'
kubectl run busybox3 --image=busybox -it --rm --restart=Never -- /bin/sh -c 'echo hello world'
kubectl get po
`,
    check(s) {
      expect(s.steps[0].stdout).toBe('hello world\n');
      expect(s.steps[1].stdout).toBe('hello world\n');
      expect(s.steps[2].stdout).toBe('hello world\npod "busybox3" deleted\n');
      expect(s.steps[3].stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nbusybox\s+0\/1\s+Completed\s+0\s+\S+\nbusybox2\s+0\/1\s+Completed\s+0\s+\S+\n$/);
    },
  },
  {
    id: 'core/env-var-checked-in-pod',
    source: `${SRC} a.core_concepts.md › nginx with env var1=val1, checked four ways`,
    firstRun: 'pass',
    script: String.raw`
kubectl run nginx --image=nginx --restart=Never --env=var1=val1
sleep 10
kubectl exec -it nginx -- env
kubectl exec -it nginx -- sh -c 'echo $var1'
kubectl describe po nginx | grep val1
kubectl run nginx2 --restart=Never --image=nginx --env=var1=val1 -it --rm -- env
kubectl run nginx3 --image nginx --restart=Never --env=var1=val1 -it --rm -- sh -c 'echo $var1'
`,
    check(s) {
      expect(s.steps[2].stdout).toContain('\nvar1=val1\n');
      expect(s.steps[3].stdout).toBe('val1\n');
      expect(s.steps[4].stdout).toBe('      var1:  val1\n');
      expect(s.steps[5].stdout).toContain('\nvar1=val1\n');
      expect(s.steps[6].stdout).toBe('val1\npod "nginx3" deleted\n');
    },
  },
  {
    id: 'multi/two-busybox-containers-exec-second',
    source: `${SRC} b.multi_container_pods.md › two busybox containers, ls in the second`,
    firstRun: 'fail',
    script: String.raw`
kubectl run busybox --image=busybox --restart=Never -o yaml --dry-run=client -- /bin/sh -c 'echo hello;sleep 3600' > pod.yaml
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
  containers:
  - args:
    - /bin/sh
    - -c
    - echo hello;sleep 3600
    image: busybox
    imagePullPolicy: IfNotPresent
    name: busybox
    resources: {}
  - args:
    - /bin/sh
    - -c
    - echo hello;sleep 3600
    image: busybox
    name: busybox2
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
#@end
kubectl create -f pod.yaml
sleep 10
kubectl exec -it busybox -c busybox2 -- /bin/sh
ls
exit
kubectl exec -it busybox -c busybox2 -- ls
kubectl logs busybox -c busybox2
kubectl delete po busybox
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('pod/busybox created\n');
      expect(s.steps[5].stdout).toContain('etc\n');
      expect(s.steps[7].stdout).toBe(s.steps[5].stdout);
      expect(s.steps[8].stdout).toBe('hello\n');
      expect(s.steps[9].stdout).toBe('pod "busybox" deleted\n');
    },
    todo: '`ls` in the interactive container shell lists bin dev etc proc usr var, but `kubectl exec … -- ls` lists the image root (bin dev etc home proc root sys tmp usr var): the two views of one container disagree (session/container-shell.ts, TERMINAL\'s)',
  },
  {
    id: 'multi/init-container-wget-no-internet',
    source: `${SRC} b.multi_container_pods.md › init container downloads a page into an emptyDir`,
    firstRun: 'pass',
    script: String.raw`
kubectl run box --image=nginx --restart=Never --port=80 --dry-run=client -o yaml > pod-init.yaml
vi pod-init.yaml
#@edit
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: box
  name: box
spec:
  initContainers:
  - args:
    - /bin/sh
    - -c
    - "wget -O /work-dir/index.html http://neverssl.com/online"
    image: busybox
    name: box
    volumeMounts:
    - name: vol
      mountPath: /work-dir
  containers:
  - image: nginx
    name: nginx
    ports:
    - containerPort: 80
    volumeMounts:
    - name: vol
      mountPath: /usr/share/nginx/html
  volumes:
  - name: vol
    emptyDir: {}
#@end
kubectl apply -f pod-init.yaml
sleep 20
kubectl get po -o wide
kubectl logs box -c box
`,
    // The lab has no internet (as the exam's clusters): the init container cannot resolve the host and the
    // pod stays in Init — the same thing a real cluster without egress shows.
    check(s) {
      expect(s.steps[4].stdout).toMatch(/\nbox\s+0\/1\s+Init:(Error|CrashLoopBackOff)\s/);
      expect(s.steps[5].stdout).toBe("wget: bad address 'neverssl.com'\n");
    },
  },
  {
    id: 'multi/init-container-writes-page-served-by-nginx',
    source: `${SRC} b.multi_container_pods.md › same pattern with the page written locally, then wget the pod IP`,
    firstRun: 'pass',
    script: String.raw`
cat <<EOF > pod-init.yaml
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: box
  name: box
spec:
  initContainers:
  - args:
    - /bin/sh
    - -c
    - "echo hello-from-init > /work-dir/index.html"
    image: busybox
    name: box
    volumeMounts:
    - name: vol
      mountPath: /work-dir
  containers:
  - image: nginx
    name: nginx
    ports:
    - containerPort: 80
    volumeMounts:
    - name: vol
      mountPath: /usr/share/nginx/html
  volumes:
  - name: vol
    emptyDir: {}
EOF
kubectl apply -f pod-init.yaml
sleep 15
kubectl run box-test --image=busybox --restart=Never -it --rm -- /bin/sh -c "wget -O- $(kubectl get pod box -o jsonpath='{.status.podIP}')"
kubectl delete po box
`,
    check(s) {
      expect(s.steps[3].stdout).toContain('hello-from-init\n');
      expect(s.steps[4].stdout).toBe('pod "box" deleted\n');
    },
  },
];
