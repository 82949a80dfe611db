import { hash64Hex } from '../../base/hash';
import { parseImageRef } from './reference';

/**
 * The images a simulated node can pull. Sizes are the compressed linux/amd64
 * sizes containerd reports (close to Docker Hub's), pull time follows size.
 * `program` names the built-in program the entrypoint runs (process/programs).
 */
export interface ImageSpec {
  /** Short repository (`nginx`, `registry.k8s.io/pause`). */
  repository: string;
  /** Known tags; `latest` resolves to the first. Any tag matching `tagPattern` is also accepted. */
  tags: string[];
  tagPattern?: RegExp;
  sizeBytes: number;
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workdir?: string;
  user?: string;
  /** Ports the image's default program listens on (EXPOSE). */
  ports: number[];
  /**
   * Idle usage of the default program, for metrics, and the CPU time (ms on
   * one core) one HTTP request served by it costs: traffic raises the serving
   * container's CPU by requests/s × cpuMsPerRequest (kubelet/cpu-meter.ts).
   */
  profile: { cpuMillis: number; memoryBytes: number; cpuMsPerRequest?: number };
  /** Shell flavour: busybox ash (`sh`), bash, or none (distroless). */
  shell: 'busybox' | 'bash' | 'none';
  /** Extra commands the image ships (`nginx`, `redis-server`, `python3`, …). */
  commands: string[];
  /** Files of the image (path → content). */
  files?: Record<string, string>;
}

const MI = 1024 * 1024;
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const debianRelease = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n';
/** The busybox image's account files (its rootfs is buildroot's skeleton). */
const BUSYBOX_PASSWD =
  'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n';
const BUSYBOX_GROUP =
  'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnogroup:x:65534:\n';
/** Debian 12's base-passwd accounts plus the nginx image's `nginx` user (uid 101). */
const NGINX_PASSWD =
  'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\nman:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnews:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\nproxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\nirc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n';
const alpineRelease = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n';

function img(spec: Partial<ImageSpec> & Pick<ImageSpec, 'repository' | 'tags' | 'sizeBytes'>): ImageSpec {
  return { entrypoint: [], cmd: [], env: { PATH }, ports: [], profile: { cpuMillis: 0, memoryBytes: 1 * MI }, shell: 'busybox', commands: [], ...spec };
}

export const NGINX_VERSION_BY_TAG: Record<string, string> = { '1.27': '1.27.3', '1.26': '1.26.2', '1.25': '1.25.5', '1.24': '1.24.0', latest: '1.27.3', alpine: '1.27.3', stable: '1.26.2' };

export const IMAGES: ImageSpec[] = [
  img({
    repository: 'nginx',
    tags: ['latest', '1.27', '1.27.3', '1.26', '1.25', '1.24', 'alpine', '1.27-alpine', '1.25-alpine', 'stable', 'mainline'],
    // Any 1.7–1.29 release (practice exercises use 1.7.1, 1.7.9, 1.18.0, 1.19.8…); `1.91` stays unknown (the classic wrong tag).
    tagPattern: /^1\.([7-9]|1\d|2\d)(\.\d+)?(-alpine|-perl|-bookworm)?$/,
    sizeBytes: 72_099_410,
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: { PATH, NGINX_VERSION: '1.27.3', NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' },
    ports: [80],
    // A static page: nginx serves ~20k requests/s per core.
    profile: { cpuMillis: 0, memoryBytes: 3 * MI, cpuMsPerRequest: 0.05 },
    shell: 'bash',
    commands: ['nginx', 'docker-entrypoint.sh'],
    files: {
      '/usr/share/nginx/html/index.html': NGINX_INDEX,
      '/usr/share/nginx/html/50x.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n',
      '/etc/nginx/nginx.conf': 'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\nevents {\n    worker_connections  1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n    sendfile        on;\n    keepalive_timeout  65;\n    include /etc/nginx/conf.d/*.conf;\n}\n',
      '/etc/nginx/conf.d/default.conf': 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n}\n',
      '/etc/os-release': debianRelease,
      '/etc/passwd': NGINX_PASSWD,
    },
  }),
  img({
    repository: 'httpd',
    tags: ['latest', '2.4', '2.4.62', 'alpine', '2.4-alpine'],
    sizeBytes: 58_140_412,
    cmd: ['httpd-foreground'],
    env: { PATH: `/usr/local/apache2/bin:${PATH}`, HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION: '2.4.62' },
    workdir: '/usr/local/apache2',
    ports: [80],
    profile: { cpuMillis: 1, memoryBytes: 6 * MI, cpuMsPerRequest: 0.1 },
    shell: 'bash',
    commands: ['httpd-foreground', 'httpd'],
    files: { '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n', '/etc/os-release': debianRelease },
  }),
  img({
    repository: 'busybox',
    tags: ['latest', '1.36', '1.36.1', '1.37', '1.35', 'stable', 'musl', 'glibc', 'uclibc'],
    // 1.28 is the tag of the Kubernetes docs' DNS-debugging and HPA load-generator examples.
    tagPattern: /^1\.(2[89]|3\d)(\.\d+)?(-\w+)?$/,
    sizeBytes: 2_166_802,
    cmd: ['sh'],
    profile: { cpuMillis: 0, memoryBytes: 0.3 * MI },
    files: { '/etc/os-release': 'NAME="BusyBox"\n', '/etc/passwd': BUSYBOX_PASSWD, '/etc/group': BUSYBOX_GROUP },
  }),
  // The old busybox images of tutorials and exercises: gcr.io/google-containers/busybox (busybox 1.27,
  // 2017) and registry.k8s.io/busybox (k8s.gcr.io/busybox, busybox 1.24). Same applets as busybox.
  ...['gcr.io/google-containers/busybox', 'k8s.gcr.io/busybox', 'registry.k8s.io/busybox'].map((repository) =>
    img({
      repository,
      tags: repository.startsWith('gcr.io') ? ['latest', '1.27', '1.27.2'] : ['latest', '1.24'],
      sizeBytes: repository.startsWith('gcr.io') ? 716_491 : 676_476,
      cmd: ['sh'],
      profile: { cpuMillis: 0, memoryBytes: 0.3 * MI },
      files: { '/etc/os-release': 'NAME="BusyBox"\n', '/etc/passwd': BUSYBOX_PASSWD, '/etc/group': BUSYBOX_GROUP },
    }),
  ),
  img({
    // Docker's official perl image (Dockerfile: FROM buildpack-deps:bookworm, perl built into
    // /usr/local, CMD ["perl5.x.y","-de0"]): the docs' Job runs `perl -Mbignum=bpi -wle 'print bpi(2000)'`.
    repository: 'perl',
    tags: ['latest', '5.34', '5.34.0', '5.34.3', '5.36', '5.38', '5.40', 'slim', '5.34-slim'],
    tagPattern: /^5\.(2[0-9]|3\d|40)(\.\d+)?(-slim|-bookworm|-bullseye|-threaded)?$/,
    sizeBytes: 336_912_870,
    cmd: ['perl', '-de0'],
    env: { PATH, PERL_VERSION: '5.34.3' },
    workdir: '/usr/src/app',
    profile: { cpuMillis: 0, memoryBytes: 4 * MI },
    shell: 'bash',
    commands: ['perl'],
    files: { '/etc/os-release': debianRelease },
  }),
  // echoserver 1.4 (kubernetes/contrib ingress/echoheaders: FROM nginx-slim:0.8, nginx 1.10 + lua,
  // listen 8080), the Kubernetes docs' source-IP tutorial image; 1.3 is its predecessor.
  ...['registry.k8s.io/echoserver', 'k8s.gcr.io/echoserver', 'gcr.io/google_containers/echoserver'].map((repository) =>
    img({
      repository,
      tags: ['1.4', '1.3'],
      sizeBytes: 46_378_534,
      cmd: ['nginx', '-g', 'daemon off;'],
      ports: [8080],
      profile: { cpuMillis: 0, memoryBytes: 4 * MI, cpuMsPerRequest: 0.1 },
      shell: 'bash',
      commands: ['nginx'],
      files: { '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 8 (jessie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="8"\nVERSION="8 (jessie)"\nID=debian\n' },
    }),
  ),
  img({
    // dgkanatsios/simpleapp (CKAD exercises, services): answers its hostname on 8080.
    repository: 'dgkanatsios/simpleapp',
    tags: ['latest'],
    sizeBytes: 24_872_161,
    cmd: ['simpleapp'],
    ports: [8080],
    profile: { cpuMillis: 0, memoryBytes: 8 * MI, cpuMsPerRequest: 0.2 },
    commands: ['simpleapp'],
    files: { '/etc/os-release': alpineRelease },
  }),
  img({
    repository: 'alpine',
    tags: ['latest', '3.20', '3.21', '3.19', '3', 'edge'],
    tagPattern: /^3\.\d+(\.\d+)?$/,
    sizeBytes: 3_623_807,
    cmd: ['/bin/sh'],
    profile: { cpuMillis: 0, memoryBytes: 0.4 * MI },
    files: { '/etc/os-release': alpineRelease },
  }),
  img({
    repository: 'ubuntu',
    tags: ['latest', '24.04', '22.04', '20.04', 'noble', 'jammy'],
    sizeBytes: 29_754_422,
    cmd: ['/bin/bash'],
    shell: 'bash',
    profile: { cpuMillis: 0, memoryBytes: 0.5 * MI },
    files: { '/etc/os-release': 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n' },
  }),
  img({
    repository: 'debian',
    tags: ['latest', 'bookworm', '12', 'bookworm-slim', '12-slim'],
    sizeBytes: 48_494_272,
    cmd: ['bash'],
    shell: 'bash',
    files: { '/etc/os-release': debianRelease },
  }),
  img({
    repository: 'redis',
    tags: ['latest', '7', '7.4', '7.4.1', '7.2', '6', 'alpine', '7-alpine'],
    tagPattern: /^[67](\.\d+){0,2}(-alpine)?$/,
    sizeBytes: 45_073_658,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    env: { PATH, REDIS_VERSION: '7.4.1' },
    workdir: '/data',
    ports: [6379],
    profile: { cpuMillis: 2, memoryBytes: 3 * MI },
    shell: 'bash',
    commands: ['redis-server', 'redis-cli', 'docker-entrypoint.sh'],
  }),
  img({
    repository: 'postgres',
    tags: ['latest', '17', '16', '15', '14', '13', '16-alpine', '17-alpine', 'alpine'],
    tagPattern: /^1[0-7](\.\d+)?(-alpine|-bookworm)?$/,
    sizeBytes: 154_512_368,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['postgres'],
    env: { PATH: `/usr/lib/postgresql/17/bin:${PATH}`, PG_MAJOR: '17', PG_VERSION: '17.2-1.pgdg120+1', PGDATA: '/var/lib/postgresql/data', LANG: 'en_US.utf8' },
    ports: [5432],
    profile: { cpuMillis: 3, memoryBytes: 38 * MI },
    shell: 'bash',
    commands: ['postgres', 'psql', 'docker-entrypoint.sh', 'pg_isready'],
  }),
  img({
    repository: 'mysql',
    tags: ['latest', '8', '8.4', '8.0', '9', '9.1', 'lts'],
    tagPattern: /^[589](\.\d+){0,2}$/,
    sizeBytes: 172_846_218,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    env: { PATH, GOSU_VERSION: '1.17', MYSQL_MAJOR: '8.4', MYSQL_VERSION: '8.4.3-1.el9', MYSQL_SHELL_VERSION: '8.4.3-1.el9' },
    ports: [3306, 33060],
    profile: { cpuMillis: 5, memoryBytes: 360 * MI },
    shell: 'bash',
    commands: ['mysqld', 'mysql', 'mysqladmin', 'docker-entrypoint.sh'],
  }),
  img({
    repository: 'mongo',
    tags: ['latest', '8', '8.0', '7', '7.0', '6', '6.0'],
    sizeBytes: 283_562_090,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mongod'],
    env: { PATH, MONGO_MAJOR: '8.0', MONGO_VERSION: '8.0.4' },
    ports: [27017],
    profile: { cpuMillis: 6, memoryBytes: 95 * MI },
    shell: 'bash',
    commands: ['mongod', 'mongosh', 'docker-entrypoint.sh'],
  }),
  img({
    repository: 'memcached',
    tags: ['latest', '1.6', '1.6.32', 'alpine'],
    sizeBytes: 32_012_930,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['memcached'],
    env: { PATH, MEMCACHED_VERSION: '1.6.32' },
    user: 'memcache',
    ports: [11211],
    profile: { cpuMillis: 1, memoryBytes: 2 * MI },
    shell: 'bash',
    commands: ['memcached', 'docker-entrypoint.sh'],
  }),
  img({
    repository: 'python',
    tags: ['latest', '3', '3.13', '3.12', '3.11', '3.12-slim', '3.13-slim', '3.12-alpine', 'alpine', 'slim'],
    tagPattern: /^3(\.\d+){0,2}(-slim|-alpine|-bookworm)?$/,
    sizeBytes: 384_612_331,
    cmd: ['python3'],
    env: { PATH, LANG: 'C.UTF-8', PYTHON_VERSION: '3.13.1' },
    profile: { cpuMillis: 1, memoryBytes: 9 * MI },
    shell: 'bash',
    commands: ['python', 'python3', 'pip'],
  }),
  img({
    repository: 'node',
    tags: ['latest', '22', '20', '18', 'lts', '22-alpine', '20-alpine', 'alpine', 'slim', '22-slim'],
    tagPattern: /^(1[68]|2[0-3])(\.\d+){0,2}(-alpine|-slim|-bookworm)?$/,
    sizeBytes: 399_046_224,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node'],
    env: { PATH, NODE_VERSION: '22.12.0', YARN_VERSION: '1.22.22' },
    profile: { cpuMillis: 1, memoryBytes: 40 * MI },
    shell: 'bash',
    commands: ['node', 'npm', 'docker-entrypoint.sh'],
  }),
  img({
    repository: 'curlimages/curl',
    tags: ['latest', '8.11.1', '8.10.1', '8.5.0'],
    sizeBytes: 11_978_513,
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    user: 'curl_user',
    profile: { cpuMillis: 0, memoryBytes: 1 * MI },
    commands: ['entrypoint.sh'],
    files: { '/etc/os-release': alpineRelease },
  }),
  img({
    repository: 'registry.k8s.io/pause',
    tags: ['3.10', '3.9', '3.8', 'latest'],
    sizeBytes: 320_368,
    entrypoint: ['/pause'],
    shell: 'none',
    profile: { cpuMillis: 0, memoryBytes: 0.2 * MI },
    commands: ['pause'],
  }),
  img({
    repository: 'polinux/stress',
    tags: ['latest', '1.0.4'],
    sizeBytes: 4_041_538,
    cmd: ['stress', '--help'],
    profile: { cpuMillis: 0, memoryBytes: 0.5 * MI },
    commands: ['stress'],
  }),
  img({
    repository: 'progrium/stress',
    tags: ['latest'],
    sizeBytes: 113_009_224,
    entrypoint: ['/usr/bin/stress', '--verbose'],
    profile: { cpuMillis: 0, memoryBytes: 0.5 * MI },
    shell: 'bash',
    commands: ['stress'],
  }),
  img({
    repository: 'hashicorp/http-echo',
    tags: ['latest', '1.0', '1.0.0', '0.2.3'],
    sizeBytes: 3_619_178,
    entrypoint: ['/http-echo'],
    ports: [5678],
    shell: 'none',
    profile: { cpuMillis: 0, memoryBytes: 2 * MI, cpuMsPerRequest: 0.05 },
    commands: ['http-echo'],
  }),
  img({
    repository: 'ealen/echo-server',
    tags: ['latest', '0.9.2'],
    sizeBytes: 51_203_817,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node', 'webserver'],
    env: { PATH, PORT: '80' },
    ports: [80],
    profile: { cpuMillis: 1, memoryBytes: 30 * MI, cpuMsPerRequest: 0.3 },
    commands: ['node', 'docker-entrypoint.sh', 'echo-server'],
  }),
  img({
    repository: 'registry.k8s.io/e2e-test-images/agnhost',
    tags: ['2.52', '2.53', '2.39'],
    sizeBytes: 50_958_562,
    entrypoint: ['/agnhost'],
    cmd: ['pause'],
    ports: [8080],
    profile: { cpuMillis: 0, memoryBytes: 3 * MI },
    commands: ['agnhost'],
  }),
  img({
    // The php-apache server of the Kubernetes HPA walkthrough (website:
    // tasks/run-application/horizontal-pod-autoscale-walkthrough: FROM
    // php:5-apache; index.php runs `$x += sqrt($x)` a million times and
    // prints "OK!"). Its per-request CPU is chosen so the docs'
    // load generator (`while sleep 0.01; do wget -q -O- …; done`) drives the
    // walkthrough's figures: 1 → 5 → 7 replicas at --cpu-percent=50.
    repository: 'registry.k8s.io/hpa-example',
    tags: ['latest'],
    sizeBytes: 180_253_964,
    cmd: ['apache2-foreground'],
    env: { PATH, PHP_INI_DIR: '/usr/local/etc/php', PHP_VERSION: '5.6.40', APACHE_CONFDIR: '/etc/apache2', APACHE_ENVVARS: '/etc/apache2/envvars' },
    workdir: '/var/www/html',
    ports: [80],
    profile: { cpuMillis: 1, memoryBytes: 9 * MI, cpuMsPerRequest: 20 },
    shell: 'bash',
    commands: ['apache2-foreground', 'apache2', 'php'],
    files: {
      '/var/www/html/index.php': '<?php\n  $x = 0.0001;\n  for ($i = 0; $i <= 1000000; $i++) {\n    $x += sqrt($x);\n  }\n  echo "OK!";\n?>\n',
      '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 9 (stretch)"\nNAME="Debian GNU/Linux"\nVERSION_ID="9"\nVERSION="9 (stretch)"\nID=debian\n',
    },
  }),
  // kubeadm control plane and add-ons (kept on the nodes at boot).
  ...['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'].map((c) =>
    img({
      repository: `registry.k8s.io/${c}`,
      tags: ['v1.32.4'],
      sizeBytes: { 'kube-apiserver': 28_987_510, 'kube-controller-manager': 26_379_466, 'kube-scheduler': 20_652_440, 'kube-proxy': 30_905_876 }[c]!,
      entrypoint: [],
      cmd: [],
      shell: c === 'kube-proxy' ? 'busybox' : 'none',
      profile: { cpuMillis: { 'kube-apiserver': 45, 'kube-controller-manager': 14, 'kube-scheduler': 4, 'kube-proxy': 1 }[c]!, memoryBytes: { 'kube-apiserver': 260, 'kube-controller-manager': 55, 'kube-scheduler': 22, 'kube-proxy': 18 }[c]! * MI },
      commands: [c],
    }),
  ),
  img({
    repository: 'registry.k8s.io/etcd',
    tags: ['3.5.16-0'],
    sizeBytes: 57_680_541,
    shell: 'none',
    ports: [2379, 2380, 2381],
    profile: { cpuMillis: 22, memoryBytes: 48 * MI },
    commands: ['etcd'],
  }),
  img({
    repository: 'registry.k8s.io/coredns/coredns',
    tags: ['v1.11.3'],
    sizeBytes: 18_562_039,
    entrypoint: ['/coredns'],
    ports: [53, 8080, 8181, 9153],
    shell: 'none',
    profile: { cpuMillis: 2, memoryBytes: 14 * MI },
    commands: ['coredns'],
  }),
  img({
    repository: 'flannel/flannel',
    tags: ['v0.26.1'],
    sizeBytes: 30_798_640,
    entrypoint: ['/opt/bin/flanneld'],
    profile: { cpuMillis: 2, memoryBytes: 14 * MI },
    commands: ['flanneld'],
  }),
  img({
    repository: 'flannel/flannel-cni-plugin',
    tags: ['v1.5.1-flannel2'],
    sizeBytes: 4_854_046,
    entrypoint: ['cp'],
    files: { '/flannel': '\u007fELF flannel CNI plugin v1.5.1-flannel2\n' },
    profile: { cpuMillis: 0, memoryBytes: 0.5 * MI },
  }),
  img({
    repository: 'registry.k8s.io/metrics-server/metrics-server',
    tags: ['v0.7.2'],
    sizeBytes: 19_494_617,
    entrypoint: ['/metrics-server'],
    ports: [10250],
    shell: 'none',
    profile: { cpuMillis: 3, memoryBytes: 18 * MI },
    commands: ['metrics-server'],
  }),
  img({
    repository: 'registry.k8s.io/ingress-nginx/controller',
    tags: ['v1.12.0', 'v1.11.3'],
    sizeBytes: 105_373_941,
    entrypoint: ['/usr/bin/dumb-init', '--'],
    cmd: ['/nginx-ingress-controller'],
    ports: [80, 443, 8443, 10254],
    profile: { cpuMillis: 3, memoryBytes: 90 * MI },
    commands: ['nginx-ingress-controller', 'dumb-init'],
  }),
];

const byRepository = new Map(IMAGES.map((i) => [i.repository, i]));

export interface ResolvedImage {
  spec: ImageSpec;
  /** Tag actually used (latest → latest). */
  tag: string;
  /** `docker.io/library/nginx:1.27` */
  fullName: string;
  /** `docker.io/library/nginx@sha256:…` (containerStatuses[].imageID). */
  imageID: string;
  /** `sha256:…` image config id (containerd image ref). */
  configDigest: string;
}

/** Looks an image reference up in the catalogue; undefined = unknown (pull fails with NotFound). */
export function resolveImage(image: string): ResolvedImage | undefined {
  const ref = parseImageRef(image);
  const spec = byRepository.get(ref.short);
  if (!spec) return undefined;
  if (ref.tag && !spec.tags.includes(ref.tag) && !spec.tagPattern?.test(ref.tag)) return undefined;
  const fullName = ref.tag ? `${ref.repository}:${ref.tag}` : `${ref.repository}@${ref.digest}`;
  const digest = ref.digest ?? `sha256:${imageSha(`${ref.repository}:${ref.tag}`)}`;
  return { spec, tag: ref.tag, fullName, imageID: `${ref.repository}@${digest}`, configDigest: `sha256:${imageSha(`config/${ref.repository}:${ref.tag}`)}` };
}

/** sha() of image names, memoised: every container start resolves its image again. Bounded. */
const imageShas = new Map<string, string>();
function imageSha(s: string): string {
  let h = imageShas.get(s);
  if (h === undefined) {
    h = sha(s);
    if (imageShas.size < 1024) imageShas.set(s, h);
  }
  return h;
}

/** A stable 64-hex-digit digest. */
export function sha(s: string): string {
  return [0, 1, 2, 3].map((i) => hash64Hex(`${i}/${s}`)).join('');
}

/**
 * Virtual time a pull takes: registry round trips plus size at ~35 MB/s
 * (Killercoda-like bandwidth), e.g. nginx ≈ 2.5 s, busybox ≈ 0.9 s.
 */
export function pullDurationMs(sizeBytes: number): number {
  return Math.round(800 + (sizeBytes / (35 * 1024 * 1024)) * 1000);
}

/**
 * The prompt an interactive shell of this image shows (as root, PS1 unset):
 * busybox/alpine images run busybox ash (`/ # `, its `\w # ` default); Debian and
 * Ubuntu images link /bin/sh to dash, whose root prompt is `# `, and bash prompts
 * `root@<hostname>:/# ` (Debian's /etc/bash.bashrc PS1). Unknown images: by the shell's name.
 */
export function containerPromptStyle(image: string | undefined, shellName: string): 'sh' | 'dash' | 'bash' {
  const base = shellName.split('/').pop() ?? shellName;
  if (base === 'bash') return 'bash';
  const resolved = image ? resolveImage(image) : undefined;
  if (!resolved) return 'sh';
  const alpine = /alpine/.test(resolved.tag);
  return resolved.spec.shell === 'bash' && !alpine ? 'dash' : 'sh';
}
