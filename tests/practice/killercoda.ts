import { expect } from 'vitest';
import type { PracticeScenario } from './types';
import { spec } from './types';

const SRC = 'chadmcrowell/killercoda-scenarios';

/** Killercoda CKA scenarios (the environment the default cluster models), solutions as published. */
export const KILLERCODA: PracticeScenario[] = [
  {
    id: 'kc/rollout-strategy-recreate',
    source: `${SRC} cka/change-rollout-strategy › echoserver deployment switched to Recreate, then a new image`,
    firstRun: 'fail',
    script: String.raw`
kubectl create deploy source-ip-app --image registry.k8s.io/echoserver:1.4
kubectl get deploy,po
kubectl edit deploy source-ip-app
#@sed /^    rollingUpdate:/,+2d
#@sed s/^    type: RollingUpdate/    type: Recreate/
kubectl get deploy source-ip-app -o yaml | grep strategy -A3
kubectl set image deploy source-ip-app echoserver=registry.k8s.io/echoserver:1.4 echoserver=registry.k8s.io/echoserver:1.3
kubectl get po
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('deployment.apps/source-ip-app edited\n');
      expect(s.steps[3].stdout).toBe('  strategy:\n    type: Recreate\n  template:\n    metadata:\n');
      expect(spec(s.get('deploy', 'source-ip-app')).template.spec.containers[0].image).toBe('registry.k8s.io/echoserver:1.3');
      expect(s.steps[1].stdout).toMatch(/\npod\/source-ip-app-\w+-\w{5}\s+0\/1\s+ContainerCreating\s/);
    },
    fixedBy: 'kubelet images: echoserver 1.4/1.3',
  },
  {
    id: 'kc/role-rolebinding-can-i',
    source: `${SRC} cka/create-role › role sa-creator, a binding for user Sandra, a view binding for SA dev checked with auth can-i`,
    firstRun: 'pass',
    oracle: ['kubectl create role sa-creator --verb=create --resource=sa --dry-run=client -o yaml'],
    script: String.raw`
kubectl create role sa-creator --verb=create --resource=sa --dry-run=client -o yaml
kubectl create role sa-creator --verb=create --resource=sa
kubectl get role
kubectl create rolebinding sa-creator-binding --role=admin --user=Sandra
kubectl get role,rolebinding
kubectl create sa dev
kubectl create rolebinding dev-view-binding --clusterrole=view --serviceaccount=default:dev --namespace=default
kubectl auth can-i get po --namespace default --as=system:serviceaccount:default:dev
kubectl auth can-i get svc --namespace default --as=system:serviceaccount:default:dev
kubectl auth can-i get po --namespace kube-system --as=system:serviceaccount:default:dev
`,
    check(s) {
      expect((s.get('role', 'sa-creator') as { rules: unknown }).rules).toEqual([{ apiGroups: [''], resources: ['serviceaccounts'], verbs: ['create'] }]);
      expect(s.steps[2].stdout).toMatch(/^NAME\s+CREATED AT\nsa-creator\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
      // The solution binds the (absent) Role "admin": the API server does not check roleRef targets.
      expect(s.steps[3].stdout).toBe('rolebinding.rbac.authorization.k8s.io/sa-creator-binding created\n');
      expect(s.steps[4].stdout).toMatch(/^NAME\s+CREATED AT\nrole\.rbac\.authorization\.k8s\.io\/sa-creator\s+\S+\n\nNAME\s+ROLE\s+AGE\nrolebinding\.rbac\.authorization\.k8s\.io\/sa-creator-binding\s+Role\/admin\s+\d+s\n$/);
      expect(s.steps.slice(7).map((x) => x.stdout)).toEqual(['yes\n', 'yes\n', 'no\n']);
      expect(s.steps[9].exitCode).toBe(1);
    },
  },
  {
    id: 'kc/serviceaccount-without-token',
    source: `${SRC} cka/create-sa-for-pod › SA secure-sa with automountServiceAccountToken: false; its pod has no token`,
    firstRun: 'fail',
    oracle: ['kubectl -n default create sa secure-sa --dry-run=client -o yaml'],
    script: String.raw`
kubectl -n default create sa secure-sa --dry-run=client -o yaml
kubectl -n default create sa secure-sa --dry-run=client -o yaml > sa.yaml
echo "automountServiceAccountToken: false" >> sa.yaml
kubectl create -f sa.yaml
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: secure-pod
spec:
  serviceAccountName: secure-sa
  containers:
  - image: nginx
    name: secure-pod
EOF
sleep 5
kubectl exec secure-pod -- cat /var/run/secrets/kubernetes.io/serviceaccount/token
`,
    check(s) {
      expect(s.steps[3].stdout).toBe('serviceaccount/secure-sa created\n');
      expect((s.get('sa', 'secure-sa') as { automountServiceAccountToken?: boolean }).automountServiceAccountToken).toBe(false);
      expect(spec(s.get('pod', 'secure-pod')).volumes).toBeUndefined();
      expect(s.steps[6].stderr).toBe('cat: /var/run/secrets/kubernetes.io/serviceaccount/token: No such file or directory\ncommand terminated with exit code 1\n');
      expect(s.steps[6].exitCode).toBe(1);
    },
    fixedBy: 'kubelet images: coreutils diagnostics in Debian-based images',
  },
  {
    id: 'kc/expose-deployment-without-port',
    source: `${SRC} cka/communicate-with-svc › expose an httpd deployment that declares no port, then try it from a pod`,
    firstRun: 'fail',
    fixedBy: "kubectl expose: port/selector introspection failures carry expose.go's UsageErrorf hint",
    script: String.raw`
kubectl create deploy apache --image httpd
kubectl expose deploy apache --name apache-svc
kubectl run netshoot --image=nicolaka/netshoot --rm --it -- sh
kubectl expose deploy apache --name apache-svc --port 80
sleep 10
kubectl run tmp --image=busybox --rm -it --restart=Never -- wget -qO- apache-svc
`,
    check(s) {
      // The deployment's container declares no port: kubectl cannot introspect one.
      expect(s.steps[1].stderr).toBe('error: couldn\'t find port via --port flag or introspection\nSee \'kubectl expose -h\' for help and examples\n');
      expect(s.steps[1].exitCode).toBe(1);
      // The published solution's `--it` is not a kubectl flag (cobra's own "Error:" capital, as the real kubectl prints).
      expect(s.steps[2].stderr).toBe("Error: unknown flag: --it\nSee 'kubectl run --help' for usage.\n");
      expect(s.steps[3].stdout).toBe('service/apache-svc exposed\n');
      expect(s.steps[5].stdout).toBe('<html><body><h1>It works!</h1></body></html>\npod "tmp" deleted\n');
    },
  },
  {
    id: 'kc/logging-stdout',
    source: `${SRC} cka/logging › a pod logging the date every second; k logs and k logs -f`,
    firstRun: 'fail',
    fixedBy: 'shell: here-document bodies with [ … ] keep their quotes and expand $(…)',
    script: String.raw`
cat << EOF > pod-logging.yaml
apiVersion: v1
kind: Pod
metadata:
  name: pod-logging
spec:
  containers:
  - name: main
    image: busybox
    args: [/bin/sh, -c, 'while true; do echo $(date); sleep 1; done']
EOF
k apply -f pod-logging.yaml
sleep 10
k logs pod-logging
#@ctrl-c-after 3000
k logs pod-logging -f
`,
    check(s) {
      // The unquoted here-document expanded $(date) when the file was written: the pod echoes that fixed text.
      expect(s.file('/root/pod-logging.yaml')).toMatch(/args: \[\/bin\/sh, -c, 'while true; do echo \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}; sleep 1; done'\]\n/);
      const lines = s.steps[3].stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThan(3);
      for (const l of lines) expect(l).toBe(lines[0]);
      expect(lines[0]).toMatch(/^\w{3} \w{3} \d+ \d\d:\d\d:\d\d UTC \d{4}$/);
      expect(s.steps[4].stdout.startsWith(s.steps[3].stdout)).toBe(true);
      expect(s.steps[4].exitCode).toBe(130);
    },
  },
  {
    id: 'kc/api-resources-to-file',
    source: `${SRC} cka/api-resources › list the API resources (into a file)`,
    firstRun: 'pass',
    script: String.raw`
kubectl api-resources > resources.csv
head -3 resources.csv
grep -E '^(deployments|pods|networkpolicies) ' resources.csv
`,
    check(s) {
      expect(s.steps[1].stdout).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\nbindings\s+v1\s+true\s+Binding\ncomponentstatuses\s+cs\s+v1\s+false\s+ComponentStatus\n$/);
      expect(s.steps[2].stdout).toMatch(/^pods\s+po\s+v1\s+true\s+Pod\ndeployments\s+deploy\s+apps\/v1\s+true\s+Deployment\npods\s+metrics\.k8s\.io\/v1beta1\s+true\s+PodMetrics\nnetworkpolicies\s+netpol\s+networking\.k8s\.io\/v1\s+true\s+NetworkPolicy\n$/);
    },
  },
  {
    id: 'kc/node-affinity-preferred-weights',
    source: `${SRC} cka/node-affinity › busybox:1.28 pod preferring zone1 (80) over zone2 (20), landing on the zone1 node`,
    firstRun: 'pass',
    script: String.raw`
kubectl create ns 012963bd
kubectl label node controlplane availability-zone=zone1
kubectl label node node01 availability-zone=zone2
kubectl -n 012963bd run az1-pod --image=busybox:1.28 --dry-run=client -o yaml --command -- sleep 3600 > az1-pod.yaml
vi az1-pod.yaml
#@sed s/^spec:/spec:\n  tolerations:\n  - key: node-role.kubernetes.io\/control-plane\n    effect: NoSchedule\n  affinity:\n    nodeAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 80\n        preference:\n          matchExpressions:\n          - key: availability-zone\n            operator: In\n            values:\n            - zone1\n      - weight: 20\n        preference:\n          matchExpressions:\n          - key: availability-zone\n            operator: In\n            values:\n            - zone2/
kubectl apply -f az1-pod.yaml
sleep 10
kubectl -n 012963bd get po az1-pod -o wide
`,
    check(s) {
      expect(spec(s.get('pod', 'az1-pod', '012963bd')).affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution.map((t: { weight: number }) => t.weight)).toEqual([80, 20]);
      expect(spec(s.get('pod', 'az1-pod', '012963bd')).nodeName).toBe('controlplane');
      expect(s.steps[7].stdout).toMatch(/\naz1-pod\s+1\/1\s+Running\s+0\s+\d+s\s+10\.244\.0\.\d+\s+controlplane\s/);
    },
  },
  {
    id: 'kc/cordon-drain-node01',
    source: `${SRC} cka/cordon-drain-node › evict everything from node01, check, uncordon`,
    firstRun: 'pass',
    script: String.raw`
kubectl create deploy web --image=nginx --replicas=3
sleep 15
kubectl drain node01 --ignore-daemonsets
kubectl get po -o wide | grep node01
kubectl uncordon node01
`,
    check(s) {
      expect(s.steps[2].stdout.endsWith('node/node01 drained\n')).toBe(true);
      expect(s.steps[3]).toMatchObject({ stdout: '', exitCode: 1 });
      expect(spec(s.get('node', 'node01')).unschedulable).toBeUndefined();
    },
  },
  {
    id: 'kc/kubelet-status-with-sudo',
    source: `${SRC} cka/kubelet-status › the kubelet's systemd status saved to /tmp with sudo`,
    firstRun: 'fail',
    fixedBy: 'shell: sudo on nodes',
    script: String.raw`
sudo systemctl status kubelet > /tmp/kubelet-status.txt
head -1 /tmp/kubelet-status.txt
grep -c 'Active: active (running)' /tmp/kubelet-status.txt
`,
    check(s) {
      expect(s.steps[0]).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
      expect(s.steps[1].stdout).toBe('● kubelet.service - kubelet: The Kubernetes Node Agent\n');
      expect(s.steps[2].stdout).toBe('1\n');
    },
  },
  {
    id: 'kc/kube-services-unit-files',
    source: `${SRC} cka/linux-services › list the kube-related systemd services into a file`,
    firstRun: 'fail',
    script: String.raw`
sudo systemctl list-unit-files --type service --all | grep kube > services.csv
cat services.csv
`,
    check(s) {
      expect(s.steps[1].stdout).toMatch(/^kubelet\.service\s+enabled\s+enabled\s*\n$/);
    },
    todo: 'systemctl has no list-unit-files (or list-units) verb: "Failed to list-unit-files service.service" (shell/commands/node-tools.ts)',
  },
  {
    id: 'kc/top-pods-sorted',
    source: `${SRC} cka/metrics-server › pods by CPU and memory; one pod's containers by memory`,
    firstRun: 'pass',
    script: String.raw`
kubectl create deploy php-apache --image=registry.k8s.io/hpa-example
kubectl run emptydir-simple --image=busybox -- sleep 3600
sleep 60
k top po --sort-by=cpu
k top po --sort-by=memory
k top po $(kubectl get po -l app=php-apache -o jsonpath='{.items[0].metadata.name}') --containers --sort-by=memory
`,
    check(s) {
      expect(s.steps[3].stdout).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s+\nphp-apache-\w+-\w{5}\s+\d+m\s+\d+Mi\s+\nemptydir-simple\s+0m\s+\d+Mi\s+\n$/);
      expect(s.steps[4].stdout.split('\n')[1]).toMatch(/^php-apache-/);
      expect(s.steps[5].stdout).toMatch(/^POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s+\nphp-apache-\w+-\w{5}\s+hpa-example\s+\d+m\s+\d+Mi\s+\n$/);
    },
  },
];
