import { expect } from 'vitest';
import type { EndState, Feature } from './harness';

/**
 * CKA/CKAD-style tasks written the way people solve them in the exam
 * terminal: `k` alias, `$do` dry-run to a file, sed/yq/vi edits, heredocs,
 * jsonpath answers in /opt. Each runs through the script runner on a fresh
 * default cluster; `check` asserts the end state.
 */
export interface CorpusTask {
  id: string;
  /** kubectl verbs the solution uses (a missing one is another engineer's unfinished verb). */
  verbs: string[];
  features?: Feature[];
  script: string;
  check(s: EndState): void;
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const spec = (o: unknown): Obj => ((o as Obj | undefined)?.spec ?? {}) as Obj;

export const TASKS: CorpusTask[] = [
  {
    id: 'pod-from-dry-run-with-label-added-by-sed',
    verbs: ['run', 'apply'],
    script: String.raw`
export do="--dry-run=client -o yaml"
k run nginx-pod --image=nginx:1.27-alpine $do > pod.yaml
sed -i 's/run: nginx-pod/tier: frontend/' pod.yaml
k apply -f pod.yaml
`,
    check(s) {
      const pod = s.get('pod', 'nginx-pod');
      expect(pod?.metadata.labels).toEqual({ tier: 'frontend' });
      expect(spec(pod).containers[0].image).toBe('nginx:1.27-alpine');
    },
  },
  {
    id: 'deployment-create-and-scale',
    verbs: ['create', 'scale'],
    script: String.raw`
k create deployment web --image=nginx:1.27 --replicas=2
k scale deployment web --replicas=4
`,
    check(s) {
      expect(spec(s.get('deploy', 'web')).replicas).toBe(4);
    },
  },
  {
    id: 'deployment-ready-replicas-after-scale',
    verbs: ['create', 'scale', 'rollout'],
    features: ['running-pods'],
    script: String.raw`
k create deploy web --image=nginx:1.27 --replicas=2
k scale deploy web --replicas=3
k rollout status deploy web
`,
    check(s) {
      expect((s.get('deploy', 'web') as Obj).status.readyReplicas).toBe(3);
    },
  },
  {
    id: 'expose-deployment-as-nodeport',
    verbs: ['create', 'expose'],
    script: String.raw`
k create deploy shop --image=nginx --port=80
k expose deploy shop --name=shop-svc --type=NodePort --port=8080 --target-port=80
`,
    check(s) {
      const svc = spec(s.get('svc', 'shop-svc'));
      expect(svc.type).toBe('NodePort');
      expect(svc.selector).toEqual({ app: 'shop' });
      expect(svc.ports[0]).toMatchObject({ port: 8080, targetPort: 80, protocol: 'TCP' });
      expect(svc.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    },
  },
  {
    id: 'set-image-then-rollout-undo',
    verbs: ['create', 'set', 'rollout'],
    script: String.raw`
k create deploy api --image=nginx:1.26 --replicas=2
sleep 30
k set image deploy/api nginx=nginx:1.27
sleep 30
k rollout history deploy api
k rollout undo deploy api
`,
    check(s) {
      expect(spec(s.get('deploy', 'api')).template.spec.containers[0].image).toBe('nginx:1.26');
    },
  },
  {
    id: 'configmap-as-env-via-heredoc',
    verbs: ['create', 'apply'],
    script: String.raw`
k create configmap app-config --from-literal=MODE=prod --from-literal=LEVEL=debug
cat <<EOF | k apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "env; sleep 3600"]
    envFrom:
    - configMapRef:
        name: app-config
EOF
`,
    check(s) {
      expect((s.get('cm', 'app-config') as Obj).data).toEqual({ LEVEL: 'debug', MODE: 'prod' });
      expect(spec(s.get('pod', 'app')).containers[0].envFrom).toEqual([{ configMapRef: { name: 'app-config' } }]);
    },
  },
  {
    id: 'secret-mounted-as-volume',
    verbs: ['create', 'apply', 'get'],
    script: String.raw`
k create secret generic db-creds --from-literal=username=admin --from-literal=password='s3cr3t!'
cat <<'EOF' > secret-pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: db-client
spec:
  containers:
  - name: client
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: creds
      mountPath: /etc/creds
      readOnly: true
  volumes:
  - name: creds
    secret:
      secretName: db-creds
EOF
k apply -f secret-pod.yaml
k get secret db-creds -o jsonpath='{.data.password}' | base64 -d > /opt/password.txt
`,
    check(s) {
      expect(s.file('/opt/password.txt')).toBe('s3cr3t!');
      expect(spec(s.get('pod', 'db-client')).volumes[0].secret.secretName).toBe('db-creds');
    },
  },
  {
    id: 'labels-and-selector-answer-file',
    verbs: ['run', 'label', 'get'],
    script: String.raw`
k run a --image=nginx -l env=prod,tier=web
k run b --image=nginx -l env=dev
k run c --image=nginx -l env=prod
k label pod b env=prod --overwrite
k label pod c tier=db
k get pods -l 'env=prod,tier in (web,db)' -o name > /opt/prod-pods.txt
`,
    check(s) {
      expect(s.file('/opt/prod-pods.txt')).toBe('pod/a\npod/c\n');
      expect(s.get('pod', 'b')?.metadata.labels).toEqual({ env: 'prod' });
    },
  },
  {
    id: 'taint-node-and-tolerate',
    verbs: ['taint', 'run', 'apply'],
    features: ['nodes'],
    script: String.raw`
k taint nodes node01 app=critical:NoSchedule
k run tolerant --image=nginx --dry-run=client -o yaml > tol.yaml
yq -i '.spec.tolerations = [{"key":"app","operator":"Equal","value":"critical","effect":"NoSchedule"}]' tol.yaml
k apply -f tol.yaml
`,
    check(s) {
      expect(spec(s.get('node', 'node01')).taints).toEqual([{ key: 'app', value: 'critical', effect: 'NoSchedule' }]);
      expect(spec(s.get('pod', 'tolerant')).tolerations).toContainEqual({ key: 'app', operator: 'Equal', value: 'critical', effect: 'NoSchedule' });
    },
  },
  {
    id: 'node-selector-schedules-on-labelled-node',
    verbs: ['label', 'run', 'apply'],
    features: ['nodes', 'scheduling'],
    script: String.raw`
export do="--dry-run=client -o yaml"
k label node node02 disktype=ssd
k run fast --image=nginx $do > fast.yaml
sed -i 's/^  containers:/  nodeSelector:\n    disktype: ssd\n  containers:/' fast.yaml
k apply -f fast.yaml
sleep 10
`,
    check(s) {
      expect(spec(s.get('pod', 'fast')).nodeSelector).toEqual({ disktype: 'ssd' });
      expect(spec(s.get('pod', 'fast')).nodeName).toBe('node02');
    },
  },
  {
    id: 'job-with-completions',
    verbs: ['create', 'apply'],
    script: String.raw`
export do="--dry-run=client -o yaml"
k create job pi --image=busybox:1.36 $do -- sh -c 'echo 3.14159' > job.yaml
sed -i 's/^spec:/spec:\n  completions: 3\n  backoffLimit: 2/' job.yaml
k apply -f job.yaml
`,
    check(s) {
      const job = spec(s.get('job', 'pi'));
      expect(job.completions).toBe(3);
      expect(job.backoffLimit).toBe(2);
      expect(job.template.spec.containers[0].command).toEqual(['sh', '-c', 'echo 3.14159']);
    },
  },
  {
    id: 'cronjob-every-five-minutes',
    verbs: ['create', 'get'],
    script: String.raw`
k create cronjob backup --image=busybox --schedule="*/5 * * * *" -- sh -c 'date; echo backup'
k get cronjob backup -o jsonpath='{.spec.schedule}' > /opt/schedule.txt
`,
    check(s) {
      expect(s.file('/opt/schedule.txt')).toBe('*/5 * * * *');
      expect(spec(s.get('cronjob', 'backup')).jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure');
    },
  },
  {
    id: 'liveness-and-readiness-probes',
    verbs: ['apply'],
    script: String.raw`
cat <<EOF > probes.yaml
apiVersion: v1
kind: Pod
metadata:
  name: probed
  labels:
    app: probed
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    readinessProbe:
      httpGet:
        path: /
        port: 80
      initialDelaySeconds: 5
      periodSeconds: 5
    livenessProbe:
      tcpSocket:
        port: 80
      periodSeconds: 10
EOF
k apply -f probes.yaml
`,
    check(s) {
      const c = spec(s.get('pod', 'probed')).containers[0];
      expect(c.readinessProbe.httpGet).toEqual({ path: '/', port: 80, scheme: 'HTTP' });
      expect(c.livenessProbe.tcpSocket).toEqual({ port: 80 });
      expect(c.livenessProbe.failureThreshold).toBe(3);
    },
  },
  {
    id: 'network-policy-default-deny-and-allow',
    verbs: ['create', 'apply'],
    script: String.raw`
k create ns secure
cat <<EOF | k apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: secure
spec:
  podSelector: {}
  policyTypes:
  - Ingress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-frontend
  namespace: secure
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: frontend
    ports:
    - protocol: TCP
      port: 8080
EOF
`,
    check(s) {
      expect(spec(s.get('netpol', 'default-deny', 'secure'))).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
      expect(spec(s.get('netpol', 'allow-frontend', 'secure')).ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8080 }]);
    },
  },
  {
    id: 'rbac-role-binding-and-can-i',
    verbs: ['create', 'auth'],
    script: String.raw`
k create ns dev
k create role pod-reader --verb=get,list,watch --resource=pods -n dev
k create rolebinding jane-reads-pods --role=pod-reader --user=jane -n dev
k auth can-i list pods --as=jane -n dev > /opt/can-list.txt
k auth can-i delete pods --as=jane -n dev > /opt/can-delete.txt
`,
    check(s) {
      expect((s.get('role', 'pod-reader', 'dev') as Obj).rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }]);
      expect(s.file('/opt/can-list.txt')).toBe('yes\n');
      expect(s.file('/opt/can-delete.txt')).toBe('no\n');
    },
  },
  {
    id: 'clusterrole-for-serviceaccount',
    verbs: ['create', 'auth'],
    script: String.raw`
k create sa deployer -n default
k create clusterrole deploy-manager --verb=create,delete,get,list --resource=deployments.apps
k create clusterrolebinding deployer-binding --clusterrole=deploy-manager --serviceaccount=default:deployer
k auth can-i create deployments --as=system:serviceaccount:default:deployer -A > /opt/answer.txt
`,
    check(s) {
      expect((s.get('clusterrolebinding', 'deployer-binding') as Obj).subjects).toEqual([{ kind: 'ServiceAccount', name: 'deployer', namespace: 'default' }]);
      expect(s.file('/opt/answer.txt')).toBe('yes\n');
    },
  },
  {
    id: 'pod-with-serviceaccount-via-editor',
    verbs: ['create', 'run', 'apply'],
    script: String.raw`
k create serviceaccount build-bot
k run builder --image=alpine:3.20 --dry-run=client -o yaml --command -- sleep 3600 > builder.yaml
vi builder.yaml
#@edit
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: builder
  name: builder
spec:
  serviceAccountName: build-bot
  containers:
  - command:
    - sleep
    - "3600"
    image: alpine:3.20
    name: builder
  restartPolicy: Always
#@end
k apply -f builder.yaml
`,
    check(s) {
      expect(spec(s.get('pod', 'builder')).serviceAccountName).toBe('build-bot');
      expect(spec(s.get('pod', 'builder')).containers[0].command).toEqual(['sleep', '3600']);
    },
  },
  {
    id: 'pvc-and-pod-mount',
    verbs: ['apply'],
    script: String.raw`
cat <<EOF | k apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
  - name: w
    image: busybox
    command: ["sh", "-c", "echo hi > /data/out; sleep 3600"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
EOF
`,
    check(s) {
      expect(spec(s.get('pvc', 'data')).resources.requests.storage).toBe('1Gi');
      expect(spec(s.get('pod', 'writer')).volumes[0].persistentVolumeClaim).toEqual({ claimName: 'data' });
    },
  },
  {
    id: 'namespace-with-resource-quota',
    verbs: ['create'],
    script: String.raw`
k create namespace team-a
k create quota team-a-quota -n team-a --hard=pods=10,requests.cpu=2,requests.memory=4Gi
`,
    check(s) {
      expect(spec(s.get('quota', 'team-a-quota', 'team-a')).hard).toEqual({ pods: '10', 'requests.cpu': '2', 'requests.memory': '4Gi' });
    },
  },
  {
    id: 'jsonpath-node-internal-ips',
    verbs: ['get'],
    features: ['nodes'],
    script: String.raw`
k get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="InternalIP")].address}' > /opt/node-ips.txt
`,
    check(s) {
      const ips = s.list('nodes').map((n) => ((n.status as Obj).addresses as Obj[]).find((a) => a.type === 'InternalIP')?.address);
      expect(s.file('/opt/node-ips.txt')).toBe(ips.join(' '));
      expect(ips).toHaveLength(3);
    },
  },
  {
    id: 'custom-columns-and-sort',
    verbs: ['create', 'get'],
    script: String.raw`
for n in zeta alpha mid; do k create deploy $n --image=nginx:1.27; sleep 1; done
k get deploy -o custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[0].image --sort-by=.metadata.name > /opt/deploys.txt
`,
    check(s) {
      expect(s.file('/opt/deploys.txt')).toBe('NAME    IMAGE\nalpha   nginx:1.27\nmid     nginx:1.27\nzeta    nginx:1.27\n');
    },
  },
  {
    id: 'multi-container-pod-with-init',
    verbs: ['apply', 'get'],
    script: String.raw`
cat <<'EOF' > multi.yaml
apiVersion: v1
kind: Pod
metadata:
  name: multi
spec:
  initContainers:
  - name: init
    image: busybox
    command: ['sh', '-c', 'echo init > /work/ready']
    volumeMounts:
    - {name: work, mountPath: /work}
  containers:
  - name: app
    image: nginx
    volumeMounts:
    - {name: work, mountPath: /usr/share/nginx/html}
  - name: sidecar
    image: busybox
    command: ['sh', '-c', 'while true; do date >> /work/log; sleep 5; done']
    volumeMounts:
    - {name: work, mountPath: /work}
  volumes:
  - name: work
    emptyDir: {}
EOF
k apply -f multi.yaml
k get pod multi -o jsonpath='{.spec.containers[*].name}' > /opt/containers.txt
`,
    check(s) {
      expect(s.file('/opt/containers.txt')).toBe('app sidecar');
      expect(spec(s.get('pod', 'multi')).initContainers[0].name).toBe('init');
    },
  },
  {
    id: 'resources-edited-with-yq',
    verbs: ['run', 'apply'],
    script: String.raw`
k run limited --image=nginx --dry-run=client -o yaml > limited.yaml
yq -i '.spec.containers[0].resources = {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"memory": "128Mi"}}' limited.yaml
k apply -f limited.yaml
`,
    check(s) {
      expect(spec(s.get('pod', 'limited')).containers[0].resources).toEqual({ requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } });
    },
  },
  {
    id: 'apiserver-flag-from-static-manifest',
    verbs: [],
    script: String.raw`
grep -- '--service-cluster-ip-range' /etc/kubernetes/manifests/kube-apiserver.yaml | awk -F= '{print $2}' > /opt/service-cidr.txt
grep -c 'etcd-servers=https://127.0.0.1:2379' /etc/kubernetes/manifests/kube-apiserver.yaml > /opt/etcd.txt
`,
    check(s) {
      expect(s.file('/opt/service-cidr.txt')).toBe('10.96.0.0/12\n');
      expect(s.file('/opt/etcd.txt')).toBe('1\n');
    },
  },
  {
    id: 'kubeconfig-default-namespace',
    verbs: ['create', 'config', 'run'],
    script: String.raw`
k create ns staging
k config set-context --current --namespace=staging
k run s1 --image=nginx
k config view --minify -o jsonpath='{..namespace}' > /opt/ns.txt
`,
    check(s) {
      expect(s.file('/opt/ns.txt')).toBe('staging');
      expect(s.get('pod', 's1', 'staging')).toBeDefined();
    },
  },
  {
    id: 'cordon-node',
    verbs: ['cordon', 'get'],
    features: ['nodes'],
    script: String.raw`
k cordon node01
k get node node01 -o jsonpath='{.spec.unschedulable}' > /opt/unschedulable.txt
`,
    check(s) {
      expect(s.file('/opt/unschedulable.txt')).toBe('true');
    },
  },
  {
    id: 'horizontal-pod-autoscaler',
    verbs: ['create', 'autoscale'],
    script: String.raw`
k create deploy php --image=nginx --replicas=1
k autoscale deploy php --min=2 --max=5 --cpu-percent=70
`,
    check(s) {
      const hpa = spec(s.get('hpa', 'php'));
      expect(hpa).toMatchObject({ minReplicas: 2, maxReplicas: 5, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php' } });
    },
  },
  {
    id: 'ingress-rule',
    verbs: ['create', 'expose'],
    script: String.raw`
k create deploy web --image=nginx
k expose deploy web --port=80
k create ingress web --class=nginx --rule="web.example.com/=web:80"
`,
    check(s) {
      const rule = spec(s.get('ingress', 'web')).rules[0];
      expect(rule.host).toBe('web.example.com');
      expect(rule.http.paths[0]).toEqual({ backend: { service: { name: 'web', port: { number: 80 } } }, path: '/', pathType: 'Exact' });
    },
  },
  {
    id: 'delete-by-label-and-count',
    verbs: ['run', 'delete', 'get'],
    script: String.raw`
for i in 1 2 3; do k run tmp-$i --image=busybox --labels=purpose=tmp -- sleep 1000; done
k run keep --image=busybox -- sleep 1000
k delete pod -l purpose=tmp --now
sleep 5
k get pods --no-headers | wc -l > /opt/count.txt
`,
    check(s) {
      expect(s.list('pods', 'default').map((p) => p.metadata.name)).toEqual(['keep']);
      expect(s.file('/opt/count.txt')).toBe('1\n');
    },
  },
{
    id: 'kubectl-edit-replicas-with-sed-directive',
    verbs: ['create', 'edit'],
    script: String.raw`
k create deploy edited --image=nginx:1.27
k edit deploy edited
#@sed s/replicas: 1$/replicas: 5/
`,
    check(s) {
      expect(spec(s.get('deploy', 'edited')).replicas).toBe(5);
    },
  },
  {
    id: 'fix-image-pull-backoff',
    verbs: ['create', 'set', 'rollout', 'get'],
    features: ['running-pods'],
    script: String.raw`
k create deploy broken --image=nginx:1.277-doesnotexist
sleep 30
k get pods -l app=broken
k set image deploy/broken nginx=nginx:1.27
k rollout status deploy/broken --timeout=120s
k get deploy broken -o jsonpath='{.status.readyReplicas}' > /opt/ready.txt
`,
    check(s) {
      expect(s.file('/opt/ready.txt')).toBe('1');
      expect(spec(s.get('deploy', 'broken')).template.spec.containers[0].image).toBe('nginx:1.27');
    },
  },
  {
    id: 'exec-into-pod-and-save-answer',
    verbs: ['run', 'exec'],
    features: ['running-pods'],
    script: String.raw`
k run web --image=nginx:1.27
sleep 15
k exec web -- cat /etc/nginx/nginx.conf | grep worker_processes | awk '{print $2}' | tr -d ';' > /opt/workers.txt
`,
    check(s) {
      expect(s.file('/opt/workers.txt')).toBe('auto\n');
    },
  },
  {
    id: 'service-reachable-with-curl-from-controlplane',
    verbs: ['create', 'expose', 'get'],
    features: ['running-pods'],
    script: String.raw`
k create deploy hello --image=nginx:1.27 --replicas=2
k expose deploy hello --port=80
sleep 20
curl -s http://$(k get svc hello -o jsonpath='{.spec.clusterIP}') | grep -o '<title>.*</title>' > /opt/title.txt
`,
    check(s) {
      expect(s.file('/opt/title.txt')).toBe('<title>Welcome to nginx!</title>\n');
    },
  },
  {
    id: 'logs-of-a-job-to-file',
    verbs: ['create', 'wait', 'logs'],
    features: ['running-pods', 'container-logs'],
    script: String.raw`
k create job hello --image=busybox:1.36 -- echo "hello from the job"
k wait --for=condition=complete job/hello --timeout=60s
k logs job/hello > /opt/job.log
`,
    check(s) {
      expect(s.file('/opt/job.log')).toBe('hello from the job\n');
    },
  },
  {
    id: 'tmp-busybox-shell-checks-a-service-then-goes-away',
    verbs: ['create', 'expose', 'run', 'get'],
    features: ['running-pods'],
    script: String.raw`
k create deploy web --image=nginx:1.27 --replicas=2
k expose deploy web --port=80
sleep 20
k run tmp --rm -it --image=busybox:1.28 --restart=Never -- sh
wget -qO- web | grep -o 'Welcome to nginx' | head -1 > /tmp/seen
nslookup web.default.svc.cluster.local | grep -c Address
exit
k get pods -o name > /opt/pods.txt
`,
    check(s) {
      const shell = s.output('wget -qO- web');
      expect(shell?.prompt).toBe('/ # ');
      expect(s.output('exit')?.terminal).toBe('pod "tmp" deleted\n');
      expect(s.get('pod', 'tmp')).toBeUndefined();
      expect(s.file('/opt/pods.txt')).not.toContain('tmp');
    },
  },
  {
    id: 'one-shot-wget-from-a-throwaway-pod-into-a-file',
    verbs: ['run', 'expose'],
    features: ['running-pods'],
    script: String.raw`
k run api --image=nginx:1.27 --port=80 --expose
sleep 15
k run probe --rm -i --image=busybox --restart=Never -- sh -c 'wget -qO- -T 2 api' > /opt/api.html
k run rc --rm -i --image=busybox --restart=Never -- sh -c 'exit 3'; echo $? > /opt/rc.txt
`,
    check(s) {
      expect(s.file('/opt/api.html')).toContain('<title>Welcome to nginx!</title>');
      expect(s.file('/opt/api.html')).toMatch(/pod "probe" deleted\n$/);
      expect(s.file('/opt/rc.txt')).toBe('3\n');
      expect(s.get('pod', 'probe')).toBeUndefined();
    },
  },
  {
    id: 'watch-pods-through-grep-while-a-deployment-rolls-out',
    verbs: ['create', 'get'],
    features: ['running-pods'],
    script: String.raw`
k create deploy web --image=nginx:1.27 --replicas=3
#@ctrl-c-after 20000
k get pods -w | grep web
`,
    check(s) {
      const watched = s.output('k get pods -w')!;
      expect(watched.exitCode).toBe(130);
      const rows = watched.stdout.split('\n').filter(Boolean);
      expect(rows.every((r) => r.startsWith('web-'))).toBe(true);
      expect(rows.filter((r) => /\s1\/1\s+Running\s/.test(r))).toHaveLength(3);
    },
  },
  {
    id: 'network-policy-blocks-then-allows',
    verbs: ['run', 'expose', 'apply', 'exec', 'label'],
    features: ['running-pods'],
    script: String.raw`
k run api --image=nginx:1.27 -l app=api --port=80 --expose
k run client --image=busybox:1.36 -- sleep 3600
sleep 20
cat <<EOF | k apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-allow-frontend
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: frontend
EOF
k exec client -- wget -qO- -T 2 http://api > /dev/null 2>&1; echo $? > /opt/before.txt
k label pod client role=frontend
k exec client -- wget -qO- -T 2 http://api > /dev/null 2>&1; echo $? > /opt/after.txt
`,
    check(s) {
      expect(s.file('/opt/before.txt')).not.toBe('0\n');
      expect(s.file('/opt/after.txt')).toBe('0\n');
    },
  },
  {
    id: 'csr-new-user-with-rbac',
    verbs: ['apply', 'certificate', 'get', 'config', 'create', 'auth'],
    script: String.raw`
openssl genrsa -out /root/60099.key 2048
openssl req -new -key /root/60099.key -out /root/60099.csr -subj "/CN=60099@internal.users/O=examiner"
cat <<EOF | k apply -f -
apiVersion: certificates.k8s.io/v1
kind: CertificateSigningRequest
metadata:
  name: 60099@internal.users
spec:
  request: $(cat /root/60099.csr | base64 | tr -d "\n")
  signerName: kubernetes.io/kube-apiserver-client
  usages:
  - client auth
EOF
k certificate approve 60099@internal.users
k get csr 60099@internal.users -o jsonpath='{.status.certificate}' | base64 -d > /root/60099.crt
k config set-credentials 60099@internal.users --client-key=/root/60099.key --client-certificate=/root/60099.crt --embed-certs
k config set-context 60099@internal.users --cluster=kubernetes --user=60099@internal.users
k --context=60099@internal.users get pods 2> /opt/forbidden.txt
k create role pod-reader --verb=get,list --resource=pods
k create rolebinding pod-reader --role=pod-reader --group=examiner
k --context=60099@internal.users get pods 2> /opt/allowed.txt
k auth can-i list pods --as=60099@internal.users --as-group=examiner > /opt/can-i.txt
`,
    check(s) {
      expect(s.get('csr', '60099@internal.users')?.status?.certificate).toBeTruthy();
      expect(s.file('/opt/forbidden.txt')).toBe('Error from server (Forbidden): pods is forbidden: User "60099@internal.users" cannot list resource "pods" in API group "" in the namespace "default"\n');
      expect(s.file('/opt/allowed.txt')).toBe('No resources found in default namespace.\n');
      expect(s.file('/opt/can-i.txt')).toBe('yes\n');
      expect(s.file('/root/.kube/config')).toContain('name: 60099@internal.users');
    },
  },
  {
    id: 'kubeconfig-contexts-and-users',
    verbs: ['config'],
    script: String.raw`
k config get-contexts -o name > /opt/contexts.txt
k config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev
k config rename-context dev development
k config use-context development
k config view --minify -o jsonpath='{.contexts[0].context.namespace}' > /opt/ns.txt
k config use-context kubernetes-admin@kubernetes
k config delete-context development
k config view --raw -o jsonpath='{.users[0].user.client-certificate-data}' | base64 -d > /opt/admin.crt
openssl x509 -in /opt/admin.crt -noout -subject > /opt/admin-subject.txt
`,
    check(s) {
      expect(s.file('/opt/contexts.txt')).toBe('kubernetes-admin@kubernetes\n');
      expect(s.file('/opt/ns.txt')).toBe('dev');
      expect(s.file('/opt/admin-subject.txt')).toBe('subject=O = kubeadm:cluster-admins, CN = kubernetes-admin\n');
      expect(s.file('/root/.kube/config')).not.toContain('development');
    },
  },
  {
    id: 'apiserver-certificate-expiry-and-sans',
    verbs: [],
    script: String.raw`
openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -text | grep -A1 "Subject Alternative Name" | tail -1 | tr -d ' ' > /opt/sans.txt
openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -enddate > /opt/expiry.txt
openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -issuer > /opt/issuer.txt
`,
    check(s) {
      expect(s.file('/opt/sans.txt')).toMatch(/^DNS:controlplane,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IPAddress:10.96.0.1,IPAddress:\d+\.\d+\.\d+\.\d+\n$/);
      expect(s.file('/opt/expiry.txt')).toMatch(/^notAfter=\w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT\n$/);
      expect(s.file('/opt/issuer.txt')).toBe('issuer=CN = kubernetes\n');
    },
  },
  {
    id: 'etcd-backup-and-restore',
    verbs: ['create', 'delete', 'get'],
    script: String.raw`
k create deployment keep-me --image=nginx:1.27
ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key snapshot save /opt/etcd-backup.db
k delete deployment keep-me
k create deployment after-backup --image=nginx:1.27
ETCDCTL_API=3 etcdutl snapshot restore /opt/etcd-backup.db --data-dir /var/lib/etcd-backup
sed -i 's#path: /var/lib/etcd$#path: /var/lib/etcd-backup#' /etc/kubernetes/manifests/etcd.yaml
k get deploy -o name > /opt/deploys.txt
`,
    check(s) {
      expect(s.file('/opt/deploys.txt')).toBe('deployment.apps/keep-me\n');
      expect(s.get('deploy', 'after-backup')).toBeUndefined();
    },
  },
  {
    // kubernetes.io/docs/tasks/configure-pod-container/configure-persistent-volume-storage/, with the page's
    // own commands: the file made over ssh on node01 is what the pod serves, and the pod's write shows on the node.
    id: 'docs-configure-pod-to-use-persistentvolume-storage',
    verbs: ['apply', 'get', 'exec', 'wait'],
    features: ['running-pods'],
    script: String.raw`
ssh node01
sudo mkdir /mnt/data
sudo sh -c "echo 'Hello from Kubernetes storage' > /mnt/data/index.html"
cat /mnt/data/index.html
exit
cat <<EOF | k apply -f -
apiVersion: v1
kind: PersistentVolume
metadata:
  name: task-pv-volume
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 10Gi
  accessModes:
    - ReadWriteOnce
  hostPath:
    path: "/mnt/data"
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pv-claim
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 3Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: task-pv-pod
spec:
  nodeName: node01
  volumes:
    - name: task-pv-storage
      persistentVolumeClaim:
        claimName: task-pv-claim
  containers:
    - name: task-pv-container
      image: nginx
      ports:
        - containerPort: 80
          name: "http-server"
      volumeMounts:
        - mountPath: "/usr/share/nginx/html"
          name: task-pv-storage
EOF
k wait --for=condition=Ready pod/task-pv-pod --timeout=60s
k get pvc task-pv-claim -o jsonpath='{.status.phase} {.spec.volumeName}' > /opt/claim.txt
k exec task-pv-pod -- curl -s localhost > /opt/served.txt
k exec task-pv-pod -- sh -c 'echo written-by-pod > /usr/share/nginx/html/from-pod.txt'
ssh node01 cat /mnt/data/from-pod.txt > /opt/on-node.txt
`,
    check(s) {
      expect(s.output('cat /mnt/data/index.html')?.stdout).toBe('Hello from Kubernetes storage\n');
      expect(s.file('/opt/claim.txt')).toBe('Bound task-pv-volume');
      expect(s.file('/opt/served.txt')).toBe('Hello from Kubernetes storage\n');
      expect(s.file('/opt/on-node.txt')).toBe('written-by-pod\n');
      expect(s.session.env.nodeShells.get('node01')?.fs.readSync('/mnt/data/from-pod.txt')).toBe('written-by-pod\n');
    },
  },
];
