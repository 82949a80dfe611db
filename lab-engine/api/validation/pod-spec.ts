import type { Json } from '../types';
import { type FieldError, field } from '../field-errors';
import { parseQuantity, QUANTITY_MSG } from '../quantity';
import { validateDns1123Label, validateLabels, validateNonnegative, validatePortName, validatePortNumber } from './names';

/**
 * ValidatePodSpec (pkg/apis/core/validation/validation.go, v1.32): the
 * subset learners hit — containers (names, images, ports, env, mounts,
 * resources), volumes, restart/DNS policies, tolerations, node selector.
 * `path` is "spec" for pods and "spec.template.spec" for templates.
 */
export function validatePodSpec(spec: Json, path: string): FieldError[] {
  if (!spec || typeof spec !== 'object') return [field.required(path)];
  const errs: FieldError[] = [];
  const volumes = validateVolumes(spec.volumes, `${path}.volumes`, errs);
  const names = new Set<string>();
  validateContainers(spec.initContainers, `${path}.initContainers`, volumes, names, errs, true);
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) errs.push(field.required(`${path}.containers`));
  else validateContainers(spec.containers, `${path}.containers`, volumes, names, errs, false);
  if (spec.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    errs.push(field.notSupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  }
  if (spec.dnsPolicy !== undefined && !['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(spec.dnsPolicy)) {
    errs.push(field.notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  }
  errs.push(...validateLabels(`${path}.nodeSelector`, spec.nodeSelector));
  errs.push(...validateNonnegative(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds));
  if (spec.activeDeadlineSeconds !== undefined && !(spec.activeDeadlineSeconds >= 1 && spec.activeDeadlineSeconds <= 2147483647)) {
    errs.push(field.invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  if (spec.serviceAccountName) errs.push(...validateSubdomainish(`${path}.serviceAccountName`, spec.serviceAccountName));
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  return errs;
}

function validateSubdomainish(path: string, v: string): FieldError[] {
  const re = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
  if (re.test(v) && v.length <= 253) return [];
  return [field.invalid(path, v, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")];
}

function validateVolumes(volumes: Json, path: string, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(volumes)) return names;
  volumes.forEach((v: Json, i: number) => {
    const p = `${path}[${i}]`;
    if (!v?.name) errs.push(field.required(`${p}.name`));
    else if (names.has(v.name)) errs.push(field.duplicate(`${p}.name`, v.name));
    else errs.push(...validateDns1123Label(`${p}.name`, v.name));
    if (v?.name) names.add(v.name);
    if (v?.configMap && !v.configMap.name) errs.push(field.required(`${p}.configMap.name`));
    if (v?.secret && !v.secret.secretName) errs.push(field.required(`${p}.secret.secretName`));
    if (v?.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errs.push(field.required(`${p}.persistentVolumeClaim.claimName`));
    if (v?.hostPath && !v.hostPath.path) errs.push(field.required(`${p}.hostPath.path`));
  });
  return names;
}

function validateContainers(list: Json, path: string, volumes: Set<string>, names: Set<string>, errs: FieldError[], init: boolean): void {
  if (!Array.isArray(list)) return;
  list.forEach((c: Json, i: number) => {
    const p = `${path}[${i}]`;
    if (!c?.name) errs.push(field.required(`${p}.name`));
    else if (names.has(c.name)) errs.push(field.duplicate(`${p}.name`, c.name));
    else errs.push(...validateDns1123Label(`${p}.name`, c.name));
    if (c?.name) names.add(c.name);
    if (!c?.image) errs.push(field.required(`${p}.image`));
    if (c?.imagePullPolicy !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) {
      errs.push(field.notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']));
    }
    if (c?.terminationMessagePolicy !== undefined && !['File', 'FallbackToLogsOnError'].includes(c.terminationMessagePolicy)) {
      errs.push(field.notSupported(`${p}.terminationMessagePolicy`, c.terminationMessagePolicy, ['File', 'FallbackToLogsOnError']));
    }
    if (init && c?.restartPolicy !== undefined && c.restartPolicy !== 'Always') {
      errs.push(field.notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
    }
    validatePorts(c?.ports, `${p}.ports`, errs);
    validateEnv(c?.env, `${p}.env`, errs);
    validateMounts(c?.volumeMounts, `${p}.volumeMounts`, volumes, errs);
    validateResources(c?.resources, `${p}.resources`, errs);
  });
}

function validatePorts(ports: Json, path: string, errs: FieldError[]): void {
  if (!Array.isArray(ports)) return;
  const named = new Set<string>();
  ports.forEach((port: Json, i: number) => {
    const p = `${path}[${i}]`;
    if (port?.name) {
      errs.push(...validatePortName(`${p}.name`, port.name));
      if (named.has(port.name)) errs.push(field.duplicate(`${p}.name`, port.name));
      named.add(port.name);
    }
    if (port?.containerPort === undefined || port.containerPort === 0) errs.push(field.required(`${p}.containerPort`));
    else errs.push(...validatePortNumber(`${p}.containerPort`, port.containerPort));
    if (port?.hostPort) errs.push(...validatePortNumber(`${p}.hostPort`, port.hostPort));
    if (port?.protocol !== undefined && !['SCTP', 'TCP', 'UDP'].includes(port.protocol)) {
      errs.push(field.notSupported(`${p}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
    }
  });
}

function validateEnv(env: Json, path: string, errs: FieldError[]): void {
  if (!Array.isArray(env)) return;
  env.forEach((e: Json, i: number) => {
    const p = `${path}[${i}]`;
    if (!e?.name) errs.push(field.required(`${p}.name`));
    else if (!/^[\x20-\x3c\x3e-\x7e]+$/.test(e.name)) {
      errs.push(field.invalid(`${p}.name`, e.name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
    const from = e?.valueFrom;
    if (from && e.value) errs.push(field.invalid(`${p}.valueFrom`, '', 'may not be specified when `value` is not empty'));
    if (from?.configMapKeyRef && !from.configMapKeyRef.key) errs.push(field.required(`${p}.valueFrom.configMapKeyRef.key`));
    if (from?.secretKeyRef && !from.secretKeyRef.key) errs.push(field.required(`${p}.valueFrom.secretKeyRef.key`));
  });
}

function validateMounts(mounts: Json, path: string, volumes: Set<string>, errs: FieldError[]): void {
  if (!Array.isArray(mounts)) return;
  const paths = new Set<string>();
  mounts.forEach((m: Json, i: number) => {
    const p = `${path}[${i}]`;
    if (!m?.name) errs.push(field.required(`${p}.name`));
    else if (!volumes.has(m.name)) errs.push(field.notFound(`${p}.name`, m.name));
    if (!m?.mountPath) errs.push(field.required(`${p}.mountPath`));
    else if (paths.has(m.mountPath)) errs.push(field.invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    if (m?.mountPath) paths.add(m.mountPath);
  });
}

function validateResources(res: Json, path: string, errs: FieldError[]): void {
  if (!res || typeof res !== 'object') return;
  for (const kind of ['limits', 'requests'] as const) {
    for (const [name, v] of Object.entries((res[kind] ?? {}) as Record<string, unknown>)) {
      const q = parseQuantity(v);
      if (!q) errs.push(field.invalid(`${path}.${kind}[${name}]`, v, QUANTITY_MSG));
      else if (q.value < 0) errs.push(field.invalid(`${path}.${kind}[${name}]`, v, 'must be greater than or equal to 0'));
    }
  }
  for (const [name, v] of Object.entries((res.requests ?? {}) as Record<string, unknown>)) {
    const lim = res.limits?.[name];
    if (lim === undefined) continue;
    const rq = parseQuantity(v);
    const lq = parseQuantity(lim);
    if (rq && lq && rq.value > lq.value) {
      errs.push(field.invalid(`${path}.requests`, v, `must be less than or equal to ${name} limit of ${lim}`));
    }
  }
}

function validateTolerations(list: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(list)) return errs;
  list.forEach((t: Json, i: number) => {
    const p = `${path}[${i}]`;
    const op = t?.operator ?? 'Equal';
    if (!['Equal', 'Exists'].includes(op)) errs.push(field.notSupported(`${p}.operator`, op, ['Equal', 'Exists']));
    if (op === 'Exists' && t?.value) errs.push(field.invalid(`${p}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''));
    if (!t?.key && op !== 'Exists') errs.push(field.invalid(`${p}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t?.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errs.push(field.notSupported(`${p}.effect`, t.effect, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']));
    }
    if (t?.tolerationSeconds !== undefined && t?.effect !== 'NoExecute') {
      errs.push(field.invalid(`${p}.effect`, t?.effect ?? '', 'effect must be \'NoExecute\' when `tolerationSeconds` is set'));
    }
  });
  return errs;
}
