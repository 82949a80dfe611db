import { expect } from 'vitest';
import type { PracticeScenario } from './types';
import { spec } from './types';

const SRC = 'dgkanatsios/CKAD-exercises d.configuration.md';

const POD = (extra: string, restart = 'Never') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx\nspec:\n${extra}  dnsPolicy: ClusterFirst\n  restartPolicy: ${restart}\nstatus: {}\n`;

/** ConfigMaps, security contexts, requests/limits, LimitRange, ResourceQuota, Secrets, ServiceAccounts. */
export const CKAD_CONFIG: PracticeScenario[] = [
  {
    id: 'config/configmap-literals-files-env-file',
    source: `${SRC} › configmaps from literals, a file, an env file, a file under a key`,
    firstRun: 'pass',
    script: String.raw`
kubectl create configmap config --from-literal=foo=lala --from-literal=foo2=lolo
kubectl get cm config -o yaml
kubectl describe cm config
echo -e "foo3=lili\nfoo4=lele" > config.txt
kubectl create cm configmap2 --from-file=config.txt
kubectl get cm configmap2 -o yaml
echo -e "var1=val1\n# this is a comment\n\nvar2=val2\n#anothercomment" > config.env
kubectl create cm configmap3 --from-env-file=config.env
kubectl get cm configmap3 -o yaml
echo -e "var3=val3\nvar4=val4" > config4.txt
kubectl create cm configmap4 --from-file=special=config4.txt --dry-run=client -o yaml
kubectl create cm configmap4 --from-file=special=config4.txt
kubectl describe cm configmap4
kubectl get cm configmap4 -o yaml
`,
    check(s) {
      expect(s.steps[2].stdout).toBe(
        'Name:         config\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nfoo:\n----\nlala\n\nfoo2:\n----\nlolo\n\n\nBinaryData\n====\n\nEvents:  <none>\n',
      );
      expect((s.get('cm', 'configmap2') as { data: object }).data).toEqual({ 'config.txt': 'foo3=lili\nfoo4=lele\n' });
      expect(s.steps[5].stdout).toContain('data:\n  config.txt: |\n    foo3=lili\n    foo4=lele\n');
      expect((s.get('cm', 'configmap3') as { data: object }).data).toEqual({ var1: 'val1', var2: 'val2' });
      expect((s.get('cm', 'configmap4') as { data: object }).data).toEqual({ special: 'var3=val3\nvar4=val4\n' });
    },
  },
  {
    id: 'config/configmap-key-as-env',
    source: `${SRC} › env var "option" from configmap key var5`,
    firstRun: 'pass',
    script: String.raw`
kubectl create cm options --from-literal=var5=val5
kubectl run nginx --image=nginx --restart=Never --dry-run=client -o yaml > pod.yaml
vi pod.yaml
#@edit
${POD(`  containers:\n  - image: nginx\n    imagePullPolicy: IfNotPresent\n    name: nginx\n    resources: {}\n    env:\n    - name: option # name of the env variable\n      valueFrom:\n        configMapKeyRef:\n          name: options # name of config map\n          key: var5 # name of the entity in config map\n`)}#@end
kubectl create -f pod.yaml
sleep 10
kubectl exec -it nginx -- env | grep option
`,
    check(s) {
      expect(s.steps[5].stdout).toBe('option=val5\n');
    },
  },
  {
    id: 'config/configmap-envfrom',
    source: `${SRC} › whole configmap "anotherone" as env`,
    firstRun: 'pass',
    script: String.raw`
kubectl create configmap anotherone --from-literal=var6=val6 --from-literal=var7=val7
kubectl run --restart=Never nginx --image=nginx -o yaml --dry-run=client > pod.yaml
vi pod.yaml
#@edit
${POD(`  containers:\n  - image: nginx\n    imagePullPolicy: IfNotPresent\n    name: nginx\n    resources: {}\n    envFrom: # different than previous one, that was 'env'\n    - configMapRef: # different from the previous one, was 'configMapKeyRef'\n        name: anotherone # the name of the config map\n`)}#@end
kubectl create -f pod.yaml
sleep 10
kubectl exec -it nginx -- env
`,
    check(s) {
      expect(s.steps[5].stdout).toContain('\nvar6=val6\nvar7=val7\n');
    },
  },
  {
    id: 'config/configmap-volume',
    source: `${SRC} › configmap "cmvolume" mounted on /etc/lala, ls + cat inside`,
    firstRun: 'pass',
    script: String.raw`
kubectl create configmap cmvolume --from-literal=var8=val8 --from-literal=var9=val9
kubectl run nginx --image=nginx --restart=Never -o yaml --dry-run=client > pod.yaml
vi pod.yaml
#@edit
${POD(`  volumes: # add a volumes list\n  - name: myvolume # just a name, you'll reference this in the pods\n    configMap:\n      name: cmvolume # name of your configmap\n  containers:\n  - image: nginx\n    imagePullPolicy: IfNotPresent\n    name: nginx\n    resources: {}\n    volumeMounts: # your volume mounts are listed here\n    - name: myvolume # the name that you specified in pod.spec.volumes.name\n      mountPath: /etc/lala # the path inside your container\n`)}#@end
kubectl create -f pod.yaml
sleep 10
kubectl exec -it nginx -- /bin/sh
cd /etc/lala
ls
cat var8
exit
`,
    check(s) {
      expect(s.steps[7].stdout).toBe('var8\nvar9\n');
      expect(s.steps[8].stdout).toBe('val8');
    },
  },
  {
    id: 'config/security-context-yaml',
    source: `${SRC} › runAsUser 101; capabilities NET_ADMIN, SYS_TIME (YAML only, then applied)`,
    firstRun: 'pass',
    script: String.raw`
kubectl run nginx --image=nginx --restart=Never --dry-run=client -o yaml > pod.yaml
vi pod.yaml
#@edit
${POD(`  securityContext: # insert this line\n    runAsUser: 101 # UID for the user\n  containers:\n  - image: nginx\n    imagePullPolicy: IfNotPresent\n    name: nginx\n    securityContext: # insert this line\n      capabilities: # and this\n        add: ["NET_ADMIN", "SYS_TIME"] # this as well\n    resources: {}\n`)}#@end
kubectl apply -f pod.yaml --dry-run=server -o jsonpath='{.spec.securityContext.runAsUser} {.spec.containers[0].securityContext.capabilities.add}'
`,
    check(s) {
      expect(s.steps[2].stdout).toBe('101 ["NET_ADMIN","SYS_TIME"]');
      expect(s.get('pod', 'nginx')).toBeUndefined();
    },
  },
  {
    id: 'config/requests-and-limits',
    source: `${SRC} › nginx with requests cpu=100m,memory=256Mi and limits cpu=200m,memory=512Mi`,
    firstRun: 'pass',
    script: String.raw`
kubectl run nginx --image=nginx --dry-run=client -o yaml > pod.yaml
vi pod.yaml
#@edit
${POD(`  containers:\n  - image: nginx\n    name: nginx\n    resources:\n      requests:\n        memory: "256Mi"\n        cpu: "100m"\n      limits:    \n        memory: "512Mi"\n        cpu: "200m"\n`, 'Always')}#@end
kubectl apply -f pod.yaml
kubectl describe po nginx | grep -A6 Limits
`,
    check(s) {
      expect(spec(s.get('pod', 'nginx')).containers[0].resources).toEqual({ requests: { memory: '256Mi', cpu: '100m' }, limits: { memory: '512Mi', cpu: '200m' } });
      expect(s.steps[3].stdout).toBe('    Limits:\n      cpu:     200m\n      memory:  512Mi\n    Requests:\n      cpu:        100m\n      memory:     256Mi\n    Environment:  <none>\n');
    },
  },
  {
    id: 'config/limitrange-pod-memory',
    source: `${SRC} › LimitRange min 100Mi max 500Mi per Pod, then a pod requesting 250Mi`,
    firstRun: 'pass',
    script: String.raw`
kubectl create ns limitrange
vi 1.yaml
#@edit
apiVersion: v1
kind: LimitRange
metadata:
  name: ns-memory-limit
  namespace: limitrange
spec:
  limits:
  - max: # max and min define the limit range
      memory: "500Mi"
    min:
      memory: "100Mi"
    type: Pod
#@end
kubectl apply -f 1.yaml
kubectl describe limitrange ns-memory-limit -n limitrange
vi 2.yaml
#@edit
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
  namespace: limitrange
spec:
  containers:
  - image: nginx
    name: nginx
    resources:
      requests:
        memory: "250Mi"
      limits:
        memory: "500Mi" # limit has to be specified and be <= limitrange
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
#@end
kubectl apply -f 2.yaml
kubectl run nginx2 --image=nginx -n limitrange
`,
    check(s) {
      expect(s.steps[3].stdout).toBe(
        'Name:       ns-memory-limit\nNamespace:  limitrange\nType        Resource  Min    Max    Default Request  Default Limit  Max Limit/Request Ratio\n----        --------  ---    ---    ---------------  -------------  -----------------------\nPod         memory    100Mi  500Mi  -                -              -\n',
      );
      expect(s.steps[5].stdout).toBe('pod/nginx created\n');
      expect(s.steps[6].stderr).toBe('Error from server (Forbidden): pods "nginx2" is forbidden: [minimum memory usage per Pod is 100Mi.  No request is specified, maximum memory usage per Pod is 500Mi.  No limit is specified]\n');
    },
  },
  {
    id: 'config/resourcequota-exceeded-then-fits',
    source: `${SRC} › quota in namespace one; a pod over it is refused, one within it is admitted`,
    firstRun: 'pass',
    script: String.raw`
kubectl create ns one
kubectl create quota my-rq --namespace=one --hard=requests.cpu=1,requests.memory=1Gi,limits.cpu=2,limits.memory=2Gi
vi pod.yaml
#@edit
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
  namespace: one
spec:
  containers:
  - image: nginx
    name: nginx
    resources:
      requests:
        memory: "3Gi"
        cpu: "2"
      limits:
        memory: "4Gi"
        cpu: "3"
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
#@end
kubectl create -f pod.yaml
vi pod2.yaml
#@edit
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
  namespace: one
spec:
  containers:
  - image: nginx
    name: nginx
    resources:
      requests:
        memory: "1Gi"
        cpu: "0.5"
      limits:
        memory: "2Gi"
        cpu: "1"
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
#@end
kubectl create -f pod2.yaml
kubectl get resourcequota -n one
`,
    check(s) {
      expect(s.steps[3].stderr).toBe(
        'Error from server (Forbidden): error when creating "pod.yaml": pods "nginx" is forbidden: exceeded quota: my-rq, requested: limits.cpu=3,limits.memory=4Gi,requests.cpu=2,requests.memory=3Gi, used: limits.cpu=0,limits.memory=0,requests.cpu=0,requests.memory=0, limited: limits.cpu=2,limits.memory=2Gi,requests.cpu=1,requests.memory=1Gi\n',
      );
      expect(s.steps[5].stdout).toBe('pod/nginx created\n');
      expect(s.steps[6].stdout).toMatch(/^NAME    AGE   REQUEST                                          LIMIT\nmy-rq   \d+s   requests.cpu: 500m\/1, requests.memory: 1Gi\/1Gi   limits.cpu: 1\/2, limits.memory: 2Gi\/2Gi\n$/);
    },
  },
  {
    id: 'config/secrets-literal-file-decode',
    source: `${SRC} › secrets from a literal and a file; read back four ways`,
    firstRun: 'pass',
    oracle: ['kubectl create secret generic mysecret --from-literal=password=mypass --dry-run=client -o yaml'],
    script: String.raw`
kubectl create secret generic mysecret --from-literal=password=mypass --dry-run=client -o yaml
kubectl create secret generic mysecret --from-literal=password=mypass
echo -n admin > username
kubectl create secret generic mysecret2 --from-file=username
kubectl get secret mysecret2 -o yaml
echo -n YWRtaW4= | base64 -d
kubectl get secret mysecret2 -o jsonpath='{.data.username}' | base64 -d
kubectl get secret mysecret2 --template '{{.data.username}}' | base64 -d
kubectl get secret mysecret2 -o json | jq -r .data.username | base64 -d
`,
    check(s) {
      expect(s.steps[4].stdout).toContain('data:\n  username: YWRtaW4=\nkind: Secret\n');
      for (const i of [5, 6, 7, 8]) expect(s.steps[i].stdout).toBe('admin');
    },
  },
  {
    id: 'config/secret-volume-and-env',
    source: `${SRC} › secret mysecret2 mounted on /etc/foo, then as env USERNAME`,
    firstRun: 'pass',
    script: String.raw`
echo -n admin > username
kubectl create secret generic mysecret2 --from-file=username
kubectl run nginx --image=nginx --restart=Never -o yaml --dry-run=client > pod.yaml
vi pod.yaml
#@edit
${POD(`  volumes: # specify the volumes\n  - name: foo # this name will be used for reference inside the container\n    secret: # we want a secret\n      secretName: mysecret2 # name of the secret - this must already exist on pod creation\n  containers:\n  - image: nginx\n    imagePullPolicy: IfNotPresent\n    name: nginx\n    resources: {}\n    volumeMounts: # our volume mounts\n    - name: foo # name on pod.spec.volumes\n      mountPath: /etc/foo #our mount path\n`)}#@end
kubectl create -f pod.yaml
sleep 10
kubectl exec -it nginx -- /bin/bash
ls /etc/foo
cat /etc/foo/username
exit
kubectl delete po nginx
kubectl run nginx --image=nginx --restart=Never -o yaml --dry-run=client > pod.yaml
vi pod.yaml
#@edit
${POD(`  containers:\n  - image: nginx\n    imagePullPolicy: IfNotPresent\n    name: nginx\n    resources: {}\n    env: # our env variables\n    - name: USERNAME # asked name\n      valueFrom:\n        secretKeyRef: # secret reference\n          name: mysecret2 # our secret's name\n          key: username # the key of the data in the secret\n`)}#@end
kubectl create -f pod.yaml
sleep 10
kubectl exec -it nginx -- env | grep USERNAME | cut -d '=' -f 2
`,
    check(s) {
      expect(s.steps[7].stdout).toBe('username\n');
      expect(s.steps[8].stdout).toBe('admin');
      expect(s.steps[10].stdout).toBe('pod "nginx" deleted\n');
      expect(s.steps[15].stdout).toBe('admin\n');
    },
  },
  {
    id: 'config/secret-ops-do-ns-variables',
    source: `${SRC} › secret in secret-ops via $ns/$do, consumed as env by pod "consumer"`,
    firstRun: 'pass',
    script: String.raw`
kubectl create ns secret-ops
export ns="-n secret-ops"
export do="--dry-run=client -oyaml"
k create secret generic ext-service-secret --from-literal=API_KEY=LmLHbYhsgWZwNifiqaRorH8T $ns $do > sc.yaml
k apply -f sc.yaml
k run consumer --image=nginx $ns $do > nginx.yaml
vi nginx.yaml
#@edit
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: consumer
  name: consumer
  namespace: secret-ops
spec:
  containers:
  - image: nginx
    name: consumer
    resources: {}
    env:
    - name: API_KEY
      valueFrom:
        secretKeyRef:
          name: ext-service-secret
          key: API_KEY
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
#@end
k apply -f nginx.yaml
sleep 10
k exec -it $ns consumer -- /bin/sh
env | grep API_KEY
exit
`,
    check(s) {
      expect(s.file('/root/sc.yaml')).toBe(
        'apiVersion: v1\ndata:\n  API_KEY: TG1MSGJZaHNnV1p3TmlmaXFhUm9ySDhU\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: ext-service-secret\n  namespace: secret-ops\n',
      );
      expect(s.steps[4].stdout).toBe('secret/ext-service-secret created\n');
      expect(s.steps[10].stdout).toBe('API_KEY=LmLHbYhsgWZwNifiqaRorH8T\n');
    },
  },
  {
    id: 'config/ssh-auth-secret-from-keygen',
    source: `${SRC} › kubernetes.io/ssh-auth secret from an id_rsa made by ssh-keygen, mounted read-only`,
    firstRun: 'fail',
    script: String.raw`
kubectl create ns secret-ops
export do="--dry-run=client -oyaml"
export ns="-n secret-ops"
ssh-keygen -t rsa -N '' -f id_rsa
k create secret generic my-secret $ns --type="kubernetes.io/ssh-auth" --from-file=ssh-privatekey=id_rsa $do > sc.yaml
k apply -f sc.yaml
`,
    check(s) {
      expect(s.steps[5].stdout).toBe('secret/my-secret created\n');
      expect((s.get('secret', 'my-secret', 'secret-ops') as { type: string }).type).toBe('kubernetes.io/ssh-auth');
    },
    todo: 'no ssh-keygen on the controlplane shell (bash: ssh-keygen: command not found); a simulated one would need seeded key generation (shell/commands)',
  },
  {
    id: 'config/serviceaccounts',
    source: `${SRC} › service accounts: list all, create myuser, pod using it, token`,
    firstRun: 'fail',
    fixedBy: "script runner: #@sed replacement text as GNU sed's; kubectl create token: a trailing newline when stdout is the terminal",
    script: String.raw`
kubectl get sa --all-namespaces
kubectl create sa myuser
kubectl run nginx --image=nginx --restart=Never -o yaml --dry-run=client > pod.yaml
vi pod.yaml
#@sed s/^spec:/spec:\n  serviceAccountName: myuser # we use pod.spec.serviceAccountName/
kubectl create -f pod.yaml
kubectl get pod nginx -o jsonpath='{.spec.serviceAccountName}'
sleep 10
kubectl exec -it nginx -- cat /var/run/secrets/kubernetes.io/serviceaccount/token
kubectl create token myuser
`,
    check(s) {
      expect(s.steps[0].stdout).toMatch(/^NAMESPACE\s+NAME\s+SECRETS\s+AGE\ndefault\s+default\s+0\s/);
      expect(s.steps[1].stdout).toBe('serviceaccount/myuser created\n');
      expect(s.steps[5].stdout).toBe('myuser');
      expect(s.steps[7].stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(s.steps[8].stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
    },
  },
];
