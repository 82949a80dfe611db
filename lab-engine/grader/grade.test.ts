import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { loadLab } from '../lab/load-lab';
import { gradeTask } from './grade';
import type { GradeTarget } from './target';

function target(files: Record<string, string> = {}): { t: GradeTarget; cluster: ReturnType<typeof createCluster> } {
  const cluster = createCluster({ seed: 7, topology: 'bare' });
  const t: GradeTarget = {
    api: cluster.api(),
    readFile: (p) => files[p],
    runCommand: async (line) => ({ stdout: line === 'echo hi' ? 'hi\n' : '', stderr: '', exitCode: line === 'echo hi' ? 0 : 127 }),
  };
  return { t, cluster };
}

const LAB = `
id: sample
title: { en: Sample, zh: 示例 }
tasks:
  - id: scaled
    ask: Scale web to 4.
    checks:
      - object: deployment/shop/web
        expect: { spec.replicas: 4, "spec.template.spec.containers[name=web].image": { matches: "^nginx:1\\\\.27" } }
  - id: answer
    ask: Write the answer.
    checks:
      - file: /opt/answer.txt
        expect: "3"
  - id: cms
    ask: Two config maps labelled app=web.
    checks:
      - count: configmaps
        namespace: shop
        selector: app=web
        expect: { gte: 2 }
        message: { en: "Create two config maps labelled app=web in shop.", zh: "在 shop 中创建两个带 app=web 标签的 ConfigMap。" }
solution: kubectl -n shop scale deploy web --replicas=4
`;

function deployment(replicas: number, image = 'nginx:1.27') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } } },
  };
}

describe('grader', () => {
  const loaded = loadLab(LAB);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const lab = loaded.lab;

  it('says what it expected and what it found', async () => {
    const { t } = target();
    t.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    t.api.create(deployment(2));
    const r = await gradeTask(lab.tasks[0], t);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('deployment shop/web: spec.replicas: expected 4, found 2');
    const zh = await gradeTask(lab.tasks[0], t, { locale: 'zh' });
    expect(zh.message).toBe('deployment shop/web: spec.replicas 应为 4，实际为 2');
  });

  it('passes when the state is right, and reports a missing object plainly', async () => {
    const { t } = target();
    expect((await gradeTask(lab.tasks[0], t)).message).toBe('deployment "web" was not found in namespace "shop"');
    t.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    t.api.create(deployment(4));
    const r = await gradeTask(lab.tasks[0], t);
    expect(r).toMatchObject({ passed: true, points: 1 });
  });

  it('checks files ignoring the trailing newline', async () => {
    expect((await gradeTask(lab.tasks[1], target({ '/opt/answer.txt': '3\n' }).t)).passed).toBe(true);
    expect((await gradeTask(lab.tasks[1], target({ '/opt/answer.txt': '4\n' }).t)).message).toBe('/opt/answer.txt: expected "3", found "4"');
    expect((await gradeTask(lab.tasks[1], target().t)).message).toBe('file /opt/answer.txt does not exist');
  });

  it('uses the author message when a check fails, in the learner language', async () => {
    const { t } = target();
    expect((await gradeTask(lab.tasks[2], t, { locale: 'zh' })).message).toBe('在 shop 中创建两个带 app=web 标签的 ConfigMap。');
    t.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    for (const n of ['a', 'b']) t.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n, namespace: 'shop', labels: { app: 'web' } } });
    expect((await gradeTask(lab.tasks[2], t)).passed).toBe(true);
  });
});

describe('lab schema errors', () => {
  it('names the file, line and field', () => {
    const r = loadLab('id: x\ntitle: X\ntasks:\n  - id: a\n    ask: A\n    checks:\n      - object: pod/x\n        expected: {}\nsolution: x\n', 'labs/x/lab.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ file: 'labs/x/lab.yaml', line: 7 });
    expect(r.problems[0].message).toContain('tasks[0].checks[0]');
  });

  it('requires a reference solution and unique task ids', () => {
    const r = loadLab('id: x\ntitle: X\ntasks:\n  - id: a\n    ask: A\n    checks: [{absent: pod/x}]\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join('\n')).toContain('solution');
    const d = loadLab('id: x\ntitle: X\ntasks:\n  - {id: a, ask: A, checks: [{absent: pod/x}]}\n  - {id: a, ask: B, checks: [{absent: pod/y}]}\nsolution: x\n');
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.problems[0].message).toBe("tasks: duplicate task id 'a' (task ids must be unique within a lab)");
  });

  it('reports YAML syntax errors with their line', () => {
    const r = loadLab('id: x\ntitle: [unclosed\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/^YAML: /);
  });
});
