import { expect } from 'vitest';
import type { PracticeScenario } from './types';
import { spec, status } from './types';

const SRC = 'amitk030/CKAD-exercises-and-solutions';

/**
 * Killercoda-style CKAD steps with a setup (background) and a grader script.
 * The graders are our own, written the way those `verify.sh` files are: a
 * bash script run with `bash`, comparing `$(kubectl … -o jsonpath=…)`.
 */
export const CKAD_AMITK: PracticeScenario[] = [
  {
    id: 'amitk/job-hello-grader-script',
    source: `${SRC} jobs/step1 › job simple-job echoing a greeting; a bash grader reads its pod's logs`,
    firstRun: 'fail',
    fixedBy: 'shell: only a line whose command is kubectl or watch hands them the terminal',
    script: String.raw`
kubectl create job simple-job --image=busybox -- echo "Hello, Kubernetes!"
sleep 15
cat <<'CHECK' > check.sh
#!/bin/bash
pod=$(kubectl get pods --selector=job-name=simple-job --output=jsonpath='{.items[*].metadata.name}')
if kubectl logs "$pod" | grep -q "Hello, Kubernetes!"; then echo PASS; else echo "FAIL ($pod)"; exit 1; fi
CHECK
bash check.sh
`,
    check(s) {
      expect(s.steps[3]).toMatchObject({ stdout: 'PASS\n', exitCode: 0 });
    },
  },
  {
    id: 'amitk/job-runs-script-from-configmap',
    source: `${SRC} jobs/step2 › a job running a script mounted from a ConfigMap`,
    firstRun: 'fail',
    script: String.raw`
cat << EOF > script.sh
#!/bin/bash

  echo "CPU Details:"
  lscpu

  echo "Memory Details:"
  free -h

  echo "Disk Usage:"
  df -h

  echo "Uptime:"
  uptime
EOF
chmod +x script.sh
kubectl create configmap job-script --from-file=script.sh
k get configmap job-script -o yaml
kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: script-job
spec:
  template:
    spec:
      containers:
      - name: script
        image: busybox
        command: ["sh", "/scripts/script.sh"]
        volumeMounts:
        - name: script-volume
          mountPath: /scripts
      restartPolicy: Never
      volumes:
      - name: script-volume
        configMap:
          name: job-script
EOF
sleep 20
kubectl get job script-job -o jsonpath='{.spec.template.spec.volumes[?(@.configMap.name=="job-script")]}'
kubectl logs job/script-job
`,
    check(s) {
      // steps: cat, chmod, create cm, get cm, apply, sleep, get job (6), logs (7).
      expect(s.steps[6].stdout).toBe('{"configMap":{"defaultMode":420,"name":"job-script"},"name":"script-volume"}');
      // busybox has free, df and uptime, not lscpu; the script's exit status is uptime's.
      expect(s.steps[7].stdout).toMatch(/^CPU Details:\nsh: lscpu: not found\nMemory Details:\n\s+total\s+used\s+free\s+shared\s+buff\/cache\s+available\nMem:/);
      expect(status(s.get('job', 'script-job')).succeeded).toBe(1);
    },
    fixedBy: 'kubelet images: busybox free/uptime/df/mount applets',
  },
  {
    id: 'amitk/deployment-recreate-strategy',
    source: `${SRC} deployment_types/step1 › nginx:1.18.0 ×4 with the Recreate strategy and port 80`,
    firstRun: 'fail',
    fixedBy: 'kubelet images: nginx 1.7–1.29 releases',
    script: String.raw`
k create deploy nginx --image=nginx:1.18.0 --replicas=4 --dry-run=client -o yaml > deploy.yaml
vi deploy.yaml
#@edit
apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: nginx
  name: nginx
spec:
  replicas: 4
  selector:
    matchLabels:
      app: nginx
  strategy:
    type: Recreate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: nginx
    spec:
      containers:
      - image: nginx:1.18.0
        name: nginx
        ports:
          - containerPort: 80
        resources: {}
status: {}
#@end
k create -f deploy.yaml
k rollout status deploy nginx
[ "$(kubectl get deployment nginx -o jsonpath='{.spec.strategy.type}')" = Recreate ] && [ "$(kubectl get deployment nginx -o jsonpath='{.spec.replicas}')" -eq 4 ] && echo PASS
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('deployment.apps/nginx created\n');
      expect(s.steps[3].stdout).toMatch(/deployment "nginx" successfully rolled out\n$/);
      expect(s.steps[4].stdout).toBe('PASS\n');
      expect(status(s.get('deploy', 'nginx')).readyReplicas).toBe(4);
    },
  },
  {
    id: 'amitk/init-container-serves-index',
    source: `${SRC} init_containers/step3 › rebuild pod stew with an init container writing nginx's index page to a shared emptyDir`,
    firstRun: 'pass',
    script: String.raw`
kubectl create ns demeter
kubectl -n demeter run stew --image=nginx
kubectl get po stew -n demeter -o yaml > pod.yaml
vi pod.yaml
#@edit
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: stew
  name: stew
  namespace: demeter
spec:
  initContainers:
    - image: busybox
      name: setup
      command: ["sh","-c","echo 'this is nginx index page' > /set/index.html"]
      volumeMounts:
        - name: storage
          mountPath: /set
  containers:
  - image: nginx
    name: serve
    volumeMounts:
      - name: storage
        mountPath: /usr/share/nginx/html
  dnsPolicy: ClusterFirst
  restartPolicy: Always
  volumes:
    - name: storage
      emptyDir: {}
status: {}
#@end
k delete po stew -n demeter
k create -f pod.yaml
sleep 15
curl -s $(k get po stew -n demeter -o jsonpath='{.status.podIP}')
k get po stew -n demeter -o jsonpath="{.spec.initContainers[?(@.name=='setup')].volumeMounts[?(@.name=='storage')].mountPath}"
`,
    check(s) {
      expect(s.steps[4].stdout).toBe('pod "stew" deleted\n');
      expect(s.steps[5].stdout).toBe('pod/stew created\n');
      expect(s.steps[7].stdout).toBe('this is nginx index page\n');
      expect(s.steps[8].stdout).toBe('/set');
      expect(spec(s.get('pod', 'stew', 'demeter')).volumes).toContainEqual({ name: 'storage', emptyDir: {} });
    },
  },
];
