import { describe, expect, it } from 'vitest';
import { parseScript, ScriptError, sedCommand, sedSubstitution } from './script';

describe('#@sed substitutions (GNU sed replacement text)', () => {
  it('inserts lines with \\n, as practice solutions add YAML fields', () => {
    const sub = sedSubstitution('s/^spec:/spec:\\n  activeDeadlineSeconds: 30/', 1);
    expect(sub('kind: Job\nspec:\n  template: {}\n')).toBe('kind: Job\nspec:\n  activeDeadlineSeconds: 30\n  template: {}\n');
  });

  it('keeps &, groups, \\t, escaped delimiter, \\& and \\\\', () => {
    expect(sedSubstitution('s/ax/[&]/', 1)('bax')).toBe('b[ax]');
    expect(sedSubstitution('s/(\\w+)=(\\w+)/\\2=\\1/', 1)('key=value')).toBe('value=key');
    expect(sedSubstitution('s/: /:\\t/', 1)('a: b')).toBe('a:\tb');
    expect(sedSubstitution('s/path: x/path: \\/data/', 1)('path: x')).toBe('path: /data');
    expect(sedSubstitution('s/x/\\&\\\\/', 1)('x')).toBe('&\\');
    expect(sedSubstitution('s/o/0/g', 1)('foo boo')).toBe('f00 b00');
    expect(sedSubstitution('s/o/0/', 1)('foo\nboo')).toBe('f0o\nb0o');
  });

  it('reports a malformed expression with its line', () => {
    expect(() => sedSubstitution('s/only-two/', 7)).toThrow(ScriptError);
    expect(() => sedSubstitution('s/only-two/', 7)).toThrow('line 7: #@sed needs s/old/new/: s/only-two/');
  });

  it('attaches #@sed directives to the editor of the command before them', () => {
    const [step] = parseScript('vi job.yaml\n#@sed s/^spec:/spec:\\n  completions: 5/\n');
    expect(step.edits).toHaveLength(1);
    const edit = step.edits[0] as (shown: string) => string;
    expect(edit('spec:\n  x: 1\n')).toBe('spec:\n  completions: 5\n  x: 1\n');
  });
});

describe('splitting a script into typed commands', () => {
  it('keeps a heredoc opened inside a for loop with the loop, up to done', () => {
    const steps = parseScript('for ns in qa alan; do cat <<EOF | kubectl apply -n $ns -f -\nkind: Pod\nEOF\ndone\nkubectl get pods -A\n');
    expect(steps.map((s) => s.line)).toEqual(['for ns in qa alan; do cat <<EOF | kubectl apply -n $ns -f -\nkind: Pod\nEOF\ndone', 'kubectl get pods -A']);
    expect(steps[1].lineNo).toBe(5);
  });
});

describe('here-documents (a body line is parsed only when it could be the delimiter)', () => {
  const lines = (script: string) => parseScript(script).map((s) => s.line);

  it('ends a heredoc at its delimiter line, quoted or not, and not at a body line that mentions it', () => {
    expect(lines("cat > a.yaml <<'YAML'\nkind: Pod\n  YAML\n# YAML\nYAML\necho next\n")).toEqual(["cat > a.yaml <<'YAML'\nkind: Pod\n  YAML\n# YAML\nYAML", 'echo next']);
    expect(lines('cat <<"EOF" >x\na\nEOF\necho b\n')).toEqual(['cat <<"EOF" >x\na\nEOF', 'echo b']);
    expect(lines('cat <<\\EOF\n$x\nEOF\necho b\n')).toEqual(['cat <<\\EOF\n$x\nEOF', 'echo b']);
  });

  it('strips leading tabs for <<- and keeps two heredocs on one line together', () => {
    expect(lines('cat <<-END\n\tbody\n\tEND\necho b\n')).toEqual(['cat <<-END\n\tbody\n\tEND', 'echo b']);
    expect(lines('paste - - <<A 3<<B\n1\nA\n2\nB\necho b\n')).toEqual(['paste - - <<A 3<<B\n1\nA\n2\nB', 'echo b']);
  });

  it('is not confused by a shift, a here-string or a << inside the body', () => {
    expect(lines('echo $((1<<2))\necho b\n')).toEqual(['echo $((1<<2))', 'echo b']);
    expect(lines('cat <<<hello\necho b\n')).toEqual(['cat <<<hello', 'echo b']);
    expect(lines('cat <<EOF\nx <<y\ny\nEOF\necho b\n')).toEqual(['cat <<EOF\nx <<y\ny\nEOF', 'echo b']);
  });

  it('runs to the end of the script when the delimiter never comes', () => {
    expect(lines('cat <<EOF\na\nb\n')).toEqual(['cat <<EOF\na\nb\n']);
  });
});

describe('#@sed line deletions (vi dd)', () => {
  it('deletes matching lines, or a matching line and the N after it', () => {
    const shown = 'spec:\n  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 25%\n    type: RollingUpdate\n  template: {}\n';
    expect(sedCommand('/rollingUpdate:/,+2d', 1)(shown)).toBe('spec:\n  strategy:\n    type: RollingUpdate\n  template: {}\n');
    expect(sedCommand('/max/d', 1)(shown)).toBe('spec:\n  strategy:\n    rollingUpdate:\n    type: RollingUpdate\n  template: {}\n');
    expect(sedCommand('/a\\/b/d', 1)('x\na/b\ny')).toBe('x\ny');
    expect(sedCommand('s/RollingUpdate$/Recreate/', 1)(shown)).toContain('    type: Recreate\n');
  });
});
