import { expect } from 'vitest';
import type { PracticeScenario } from './types';
import { spec, status } from './types';

const SRC = 'dgkanatsios/CKAD-exercises c.pod_design.md';

/** Labels, annotations, placement, deployments, jobs and cron jobs (c.pod_design.md). */
export const CKAD_POD_DESIGN: PracticeScenario[] = [
  {
    id: 'design/labels-and-annotations',
    source: `${SRC} › labels and annotations on nginx1..3`,
    firstRun: 'pass',
    script: String.raw`
for i in ${'`'}seq 1 3${'`'}; do kubectl run nginx$i --image=nginx -l app=v1 ; done
kubectl get po --show-labels
kubectl label po nginx2 app=v2 --overwrite
kubectl get po -L app
kubectl get po --label-columns=app
kubectl get po -l app=v2
kubectl get po -l 'app in (v2)'
kubectl get po --selector=app=v2
kubectl label po -l "app in(v1,v2)" tier=web
kubectl annotate po -l "app=v2" owner=marketing
kubectl label po nginx{1..3} app-
kubectl annotate po nginx{1..3} description='my description'
kubectl annotate pod nginx1 --list
kubectl describe po nginx1 | grep -i 'annotations'
kubectl get po nginx1 -o custom-columns=Name:metadata.name,ANNOTATIONS:metadata.annotations.description
kubectl get po nginx1 -o jsonpath='{.metadata.annotations}{"\n"}'
kubectl annotate po nginx{1..3} description- owner-
kubectl delete po nginx{1..3}
`,
    check(s) {
      const out = (i: number) => s.steps[i].stdout;
      expect(out(0)).toBe('pod/nginx1 created\npod/nginx2 created\npod/nginx3 created\n');
      expect(out(1)).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS\nnginx1\s.*\sapp=v1\n/);
      expect(out(3)).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+APP\nnginx1\s.*\sv1\nnginx2\s.*\sv2\nnginx3\s.*\sv1\n$/);
      expect(out(4).split('\n')[0]).toBe(out(3).split('\n')[0]);
      for (const i of [5, 6, 7]) expect(out(i)).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nnginx2\s/);
      expect(out(8)).toBe('pod/nginx1 labeled\npod/nginx2 labeled\npod/nginx3 labeled\n');
      expect(out(9)).toBe('pod/nginx2 annotated\n');
      expect(out(10)).toBe('pod/nginx1 unlabeled\npod/nginx2 unlabeled\npod/nginx3 unlabeled\n');
      expect(out(12)).toBe('description=my description\n');
      expect(out(13)).toBe('Annotations:      description: my description\n');
      expect(out(14)).toBe('Name     ANNOTATIONS\nnginx1   my description\n');
      expect(out(15)).toBe('{"description":"my description"}\n');
      expect(out(17)).toBe('pod "nginx1" deleted\npod "nginx2" deleted\npod "nginx3" deleted\n');
      expect(s.list('pods', 'default')).toEqual([]);
    },
  },
  {
    id: 'design/node-selector-accelerator',
    source: `${SRC} › pod placed on the node labelled accelerator=nvidia-tesla-p100`,
    firstRun: 'pass',
    script: String.raw`
kubectl label nodes node02 accelerator=nvidia-tesla-p100
kubectl get nodes --show-labels
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: affinity-pod
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: accelerator
            operator: In
            values:
            - nvidia-tesla-p100
  containers:
  - name: nginx
    image: nginx
EOF
kubectl explain po.spec | grep -A1 '^  nodeSelector'
sleep 5
`,
    check(s) {
      expect(s.steps[1].stdout).toContain('accelerator=nvidia-tesla-p100,beta.kubernetes.io/arch=amd64');
      expect(spec(s.get('pod', 'affinity-pod')).nodeName).toBe('node02');
      expect(s.steps[3].stdout).toBe('  nodeSelector\t<map[string]string>\n    NodeSelector is a selector which must be true for the pod to fit on a node.\n');
    },
  },
  {
    id: 'design/taint-and-toleration',
    source: `${SRC} › taint tier=frontend:NoSchedule and a pod that tolerates it`,
    firstRun: 'pass',
    script: String.raw`
kubectl taint node node01 tier=frontend:NoSchedule
kubectl describe node node01 | grep -i taints
cat <<EOF > frontend.yaml
apiVersion: v1
kind: Pod
metadata:
  name: frontend
spec:
  containers:
  - name: nginx
    image: nginx
  tolerations:
  - key: "tier"
    operator: "Equal"
    value: "frontend"
    effect: "NoSchedule"
EOF
kubectl create -f frontend.yaml
`,
    check(s) {
      expect(s.steps[0].stdout).toBe('node/node01 tainted\n');
      expect(s.steps[1].stdout).toBe('Taints:             tier=frontend:NoSchedule\n');
      expect(spec(s.get('pod', 'frontend')).tolerations[0]).toEqual({ key: 'tier', operator: 'Equal', value: 'frontend', effect: 'NoSchedule' });
    },
  },
  {
    id: 'design/pod-on-controlplane',
    source: `${SRC} › pod on the controlplane via nodeSelector + toleration`,
    firstRun: 'pass',
    script: String.raw`
vi pod.yaml
#@edit
apiVersion: v1
kind: Pod
metadata:
  name: frontend
spec:
  containers:
  - name: nginx
    image: nginx
  nodeSelector:
    kubernetes.io/hostname: controlplane
  tolerations:
  - key: "node-role.kubernetes.io/control-plane"
    operator: "Exists"
    effect: "NoSchedule"
#@end
kubectl create -f pod.yaml
sleep 10
kubectl get po frontend -o wide
`,
    check(s) {
      expect(spec(s.get('pod', 'frontend')).nodeName).toBe('controlplane');
      expect(status(s.get('pod', 'frontend')).phase).toBe('Running');
    },
  },
  {
    id: 'design/deployment-from-dry-run-with-sed',
    source: `${SRC} › deployment nginx:1.18.0, 2 replicas, port 80 (sed pipeline)`,
    firstRun: 'fail',
    fixedBy: "kubelet images: nginx 1.7–1.29 releases, /etc/passwd and /etc/group in busybox",
    oracle: ['kubectl create deployment nginx  --image=nginx:1.18.0  --dry-run=client -o yaml'],
    script: String.raw`
kubectl create deployment nginx  --image=nginx:1.18.0  --dry-run=client -o yaml
kubectl create deployment nginx  --image=nginx:1.18.0  --dry-run=client -o yaml | sed 's/replicas: 1/replicas: 2/g'  | sed 's/image: nginx:1.18.0/image: nginx:1.18.0\n        ports:\n        - containerPort: 80/g' | kubectl apply -f -
kubectl rollout status deploy nginx
kubectl get deploy nginx -o yaml
kubectl get rs -l app=nginx
`,
    check(s) {
      expect(s.steps[1].stdout).toBe('deployment.apps/nginx created\n');
      expect(s.steps[2].stdout).toContain('deployment "nginx" successfully rolled out\n');
      const d = s.get('deploy', 'nginx');
      expect(spec(d).replicas).toBe(2);
      expect(spec(d).template.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
      expect(status(d).readyReplicas).toBe(2);
    },
  },
  {
    id: 'design/deployment-create-flags',
    source: `${SRC} › same deployment with create flags`,
    firstRun: 'pass',
    oracle: ['kubectl create deploy nginx --image=nginx:1.27 --replicas=2 --port=80 --dry-run=client -o yaml'],
    script: String.raw`
kubectl create deploy nginx --image=nginx:1.27 --replicas=2 --port=80 --dry-run=client -o yaml
kubectl create deploy nginx --image=nginx:1.27 --replicas=2 --port=80
kubectl rollout status deploy nginx
kubectl get po -l app=nginx
`,
    check(s) {
      // Both pods may become available in the same instant (then kubectl never sees "1 of 2").
      expect(s.steps[2].stdout).toMatch(/^Waiting for deployment "nginx" rollout to finish: 0 of 2 updated replicas are available\.\.\.\n(Waiting for deployment "nginx" rollout to finish: 1 of 2 updated replicas are available\.\.\.\n)?deployment "nginx" successfully rolled out\n$/);
      expect(s.steps[3].stdout.trim().split('\n')).toHaveLength(3);
    },
  },
  {
    id: 'design/rollout-history-undo-pause-resume',
    source: `${SRC} › set image, history, undo, wrong image, undo --to-revision, scale, autoscale, pause/resume`,
    firstRun: 'pass',
    delayMs: 5000,
    script: String.raw`
kubectl create deploy nginx --image=nginx:1.25 --replicas=2 --port=80
kubectl rollout status deploy nginx
kubectl set image deploy nginx nginx=nginx:1.26
kubectl rollout status deploy nginx
kubectl rollout history deploy nginx
kubectl rollout undo deploy nginx
sleep 20
kubectl describe po $(kubectl get po -l app=nginx -o jsonpath='{.items[0].metadata.name}') | grep -i image:
kubectl set image deploy nginx nginx=nginx:1.91
sleep 20
kubectl get po
kubectl rollout undo deploy nginx --to-revision=2
kubectl describe deploy nginx | grep Image:
kubectl rollout status deploy nginx
kubectl rollout history deploy nginx
kubectl rollout history deploy nginx --revision=4
kubectl scale deploy nginx --replicas=5
kubectl autoscale deploy nginx --min=5 --max=10 --cpu-percent=80
kubectl get hpa nginx
kubectl rollout pause deploy nginx
kubectl set image deploy nginx nginx=nginx:1.27
kubectl rollout history deploy nginx
kubectl rollout resume deploy nginx
kubectl rollout history deploy nginx
kubectl rollout history deploy nginx --revision=6
kubectl delete deploy/nginx hpa/nginx
`,
    check(s) {
      const out = (p: string, n = 0) => s.steps.filter((st) => st.line === p)[n].stdout;
      expect(out('kubectl rollout history deploy nginx')).toBe('deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
      expect(out('kubectl rollout undo deploy nginx')).toBe('deployment.apps/nginx rolled back\n');
      expect(s.steps[7].stdout).toBe('    Image:          nginx:1.25\n');
      expect(out('kubectl get po')).toMatch(/ErrImagePull|ImagePullBackOff/);
      expect(out('kubectl describe deploy nginx | grep Image:')).toBe('    Image:         nginx:1.26\n');
      expect(out('kubectl rollout history deploy nginx', 1)).toBe('deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n5         <none>\n\n');
      expect(out('kubectl rollout history deploy nginx --revision=4')).toContain('    Image:\tnginx:1.91\n');
      expect(out('kubectl autoscale deploy nginx --min=5 --max=10 --cpu-percent=80')).toBe('horizontalpodautoscaler.autoscaling/nginx autoscaled\n');
      expect(out('kubectl rollout pause deploy nginx')).toBe('deployment.apps/nginx paused\n');
      // Paused: the template changed but no new revision.
      expect(out('kubectl rollout history deploy nginx', 2)).toBe(out('kubectl rollout history deploy nginx', 1));
      expect(out('kubectl rollout history deploy nginx', 3)).toContain('6         <none>\n');
      expect(out('kubectl rollout history deploy nginx --revision=6')).toContain('    Image:\tnginx:1.27\n');
      expect(out('kubectl delete deploy/nginx hpa/nginx')).toBe('deployment.apps "nginx" deleted\nhorizontalpodautoscaler.autoscaling "nginx" deleted\n');
      expect(s.get('deploy', 'nginx')).toBeUndefined();
    },
  },
  {
    id: 'design/canary-75-25',
    source: `${SRC} › canary: 3 replicas of v1 and 1 of v2 behind one Service`,
    firstRun: 'fail',
    script: String.raw`
for v in 1 2; do cat <<EOF > my-app-v$v.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-app-v$v
  labels:
    app: my-app
spec:
  replicas: $((4 - 2 * v + 1))
  selector:
    matchLabels:
      app: my-app
      version: v$v
  template:
    metadata:
      labels:
        app: my-app
        version: v$v
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
        volumeMounts:
        - name: workdir
          mountPath: /usr/share/nginx/html
      initContainers:
      - name: install
        image: busybox:1.28
        command:
        - /bin/sh
        - -c
        - "echo version-$v > /work-dir/index.html"
        volumeMounts:
        - name: workdir
          mountPath: "/work-dir"
      volumes:
      - name: workdir
        emptyDir: {}
EOF
done
kubectl apply -f my-app-v1.yaml
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: my-app-svc
  labels:
    app: my-app
spec:
  type: ClusterIP
  ports:
  - name: http
    port: 80
    targetPort: 80
  selector:
    app: my-app
EOF
sleep 20
kubectl run -it --rm --restart=Never busybox --image=gcr.io/google-containers/busybox --command -- wget -qO- my-app-svc
kubectl apply -f my-app-v2.yaml
sleep 20
kubectl scale --replicas=4 deploy my-app-v2
kubectl delete deploy my-app-v1
sleep 20
for i in 1 2 3 4; do curl -s $(kubectl get svc my-app-svc -o jsonpath="{.spec.clusterIP}"); done
`,
    check(s) {
      expect(s.get('deploy', 'my-app-v1')).toBeUndefined();
      expect(s.steps.find((st) => st.line.startsWith('kubectl run -it'))!.stdout).toContain('version-1\n');
      expect(s.steps[s.steps.length - 1].stdout).toBe('version-2\n'.repeat(4));
    },
    fixedBy: 'kubelet images: old busybox images (gcr.io/google-containers, registry.k8s.io)'
  },
  {
    id: 'design/job-perl-pi',
    source: `${SRC} › job pi with perl:5.34 computing bpi(2000)`,
    firstRun: 'fail',
    script: String.raw`
kubectl create job pi  --image=perl:5.34 -- perl -Mbignum=bpi -wle 'print bpi(2000)'
kubectl wait --for=condition=complete --timeout=300s job pi
kubectl logs job/pi
kubectl delete job pi
`,
    check(s) {
      expect(s.steps[1].stdout).toBe('job.batch/pi condition met\n');
      // bpi(2000) is 2000 significant digits: "3." and 1999 decimals (perl -MMath::BigFloat -le 'print Math::BigFloat->bpi(2000)').
      expect(s.steps[2].stdout).toMatch(/^3\.14159265358979323846\d{1979}\n$/);
    },
    fixedBy: 'kubelet images: perl (bpi via BigInt)',
  },
  {
    id: 'design/job-hello-world-logs',
    source: `${SRC} › job echo hello; sleep 30; echo world — follow logs, describe, delete`,
    firstRun: 'pass',
    script: String.raw`
kubectl create job busybox --image=busybox -- /bin/sh -c 'echo hello;sleep 30;echo world'
kubectl get po
kubectl logs $(kubectl get po -l job-name=busybox -o name) -f
kubectl get jobs
kubectl describe jobs busybox
kubectl logs job/busybox
kubectl delete job busybox
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('hello\nworld\n');
      expect(s.steps[3].stdout).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\nbusybox\s+Complete\s+1\/1\s/);
      expect(s.steps[4].stdout).toContain('Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n');
      expect(s.steps[5].stdout).toBe('hello\nworld\n');
      expect(s.steps[6].stdout).toBe('job.batch "busybox" deleted\n');
    },
  },
  {
    id: 'design/job-active-deadline',
    source: `${SRC} › job terminated after 30 s (activeDeadlineSeconds)`,
    firstRun: 'fail',
    fixedBy: "script runner: #@sed replacement text as GNU sed's",
    script: String.raw`
kubectl create job busybox --image=busybox --dry-run=client -o yaml -- /bin/sh -c 'while true; do echo hello; sleep 10;done' > job.yaml
vi job.yaml
#@sed s/^spec:/spec:\n  activeDeadlineSeconds: 30/
kubectl create -f job.yaml
sleep 90
kubectl get job busybox
kubectl describe job busybox | grep -i deadline
`,
    check(s) {
      expect(spec(s.get('job', 'busybox')).activeDeadlineSeconds).toBe(30);
      expect(s.steps[4].stdout).toMatch(/\nbusybox\s+Failed\s+0\/1\s/);
      expect(s.steps[5].stdout).toContain('Warning  DeadlineExceeded');
      const failed = (status(s.get('job', 'busybox')).conditions as { type: string; reason: string }[]).find((c) => c.type === 'Failed');
      expect(failed?.reason).toBe('DeadlineExceeded');
    },
  },
  {
    id: 'design/job-completions-and-parallelism',
    source: `${SRC} › the same job 5 times one after the other, then 5 in parallel`,
    firstRun: 'pass',
    script: String.raw`
kubectl create job busybox --image=busybox --dry-run=client -o yaml -- /bin/sh -c 'echo hello;sleep 30;echo world' > job.yaml
sed -i 's/^spec:/spec:\n  completions: 5/' job.yaml
kubectl create -f job.yaml
#@ctrl-c-after 200000
kubectl get job busybox -w
kubectl delete jobs busybox
sed -i 's/completions: 5/parallelism: 5/' job.yaml
kubectl create -f job.yaml
kubectl get jobs
sleep 40
kubectl get jobs
`,
    check(s) {
      const watch = s.steps[3].stdout.trim().split('\n');
      expect(watch[0]).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE$/);
      expect(watch[watch.length - 1]).toMatch(/^busybox\s+Complete\s+5\/5\s/);
      expect(s.steps[7].stdout).toMatch(/\nbusybox\s+Running\s+0\/1 of 5\s/);
      expect(s.steps[9].stdout).toMatch(/\nbusybox\s+Complete\s+5\/1 of 5\s/);
      expect(spec(s.get('job', 'busybox')).parallelism).toBe(5);
    },
  },
  {
    id: 'design/cronjob-every-minute-logs',
    source: `${SRC} › cron job every minute; see which job ran, its logs, delete`,
    firstRun: 'pass',
    script: String.raw`
kubectl create cronjob busybox --image=busybox --schedule="*/1 * * * *" -- /bin/sh -c 'date; echo Hello from the Kubernetes cluster'
sleep 70
kubectl get cj
kubectl get jobs
kubectl get po --show-labels
kubectl logs $(kubectl get po -o name | head -1)
kubectl delete cj busybox
`,
    check(s) {
      expect(s.steps[2].stdout).toMatch(/^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\nbusybox\s+\*\/1 \* \* \* \*\s+<none>\s+False\s/);
      expect(s.steps[3].stdout).toMatch(/\nbusybox-\d{8}\s+Complete\s+1\/1\s/);
      expect(s.steps[4].stdout).toMatch(/job-name=busybox-\d{8}\n/);
      expect(s.steps[5].stdout).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\nHello from the Kubernetes cluster\n$/);
      expect(s.steps[6].stdout).toBe('cronjob.batch "busybox" deleted\n');
    },
  },
  {
    id: 'design/cronjob-deadlines-and-job-from-cronjob',
    source: `${SRC} › startingDeadlineSeconds 17, jobTemplate activeDeadlineSeconds 12, job --from=cronjob`,
    firstRun: 'fail',
    fixedBy: "script runner: #@sed replacement text as GNU sed's",
    oracle: [`kubectl create cronjob time-limited-job --image=busybox --restart=Never --dry-run=client --schedule="* * * * *" -o yaml -- /bin/sh -c 'date; echo Hello from the Kubernetes cluster'`],
    script: String.raw`
kubectl create cronjob time-limited-job --image=busybox --restart=Never --dry-run=client --schedule="* * * * *" -o yaml -- /bin/sh -c 'date; echo Hello from the Kubernetes cluster'
kubectl create cronjob time-limited-job --image=busybox --restart=Never --dry-run=client --schedule="* * * * *" -o yaml -- /bin/sh -c 'date; echo Hello from the Kubernetes cluster' > time-limited-job.yaml
vi time-limited-job.yaml
#@sed s/^spec:/spec:\n  startingDeadlineSeconds: 17/
#@sed s/^    spec:/    spec:\n      activeDeadlineSeconds: 12/
kubectl apply -f time-limited-job.yaml
kubectl create job --from=cronjob/time-limited-job sample-job
`,
    check(s) {
      const cj = spec(s.get('cronjob', 'time-limited-job'));
      expect(cj.startingDeadlineSeconds).toBe(17);
      expect(cj.jobTemplate.spec.activeDeadlineSeconds).toBe(12);
      expect(s.steps[4].stdout).toBe('job.batch/sample-job created\n');
      expect(s.get('job', 'sample-job')?.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    },
  },
];
