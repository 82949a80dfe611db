import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../session/session';

/** Here-document bodies with `[` (YAML flow sequences): only $-expansions apply, quotes and brackets stay. */
describe('here-documents with brackets', () => {
  let s: Session;
  beforeAll(async () => {
    s = await createSession({ seed: 1, topology: 'bare' });
  });

  it("keeps quotes inside [ … ] and expands $(…) there (the k8s docs' args: [/bin/sh, -c, '…'])", async () => {
    const r = await s.run("cat << EOF\nargs: [/bin/sh, -c, 'while true; do echo $(echo tick); sleep 1; done']\nb: [x, \"y\"] [$HOME]\nEOF");
    expect(r.stdout).toBe("args: [/bin/sh, -c, 'while true; do echo tick; sleep 1; done']\nb: [x, \"y\"] [/root]\n");
  });

  it('handles nested and unterminated brackets, and leaves quoted here-documents alone', async () => {
    expect((await s.run("cat <<EOF\n[[ -f 'a b' ]] and [unclosed 'q' $((1+2))\nEOF")).stdout).toBe("[[ -f 'a b' ]] and [unclosed 'q' 3\n");
    expect((await s.run("cat <<'EOF'\n[x, '$(date)']\nEOF")).stdout).toBe("[x, '$(date)']\n");
    expect((await s.run("cat <<-EOF\n\t[x, 'y']\nEOF")).stdout).toBe("[x, 'y']\n");
  });

  it('writes a pod manifest whose container command survives intact', async () => {
    await s.run("cat << EOF > p.yaml\nspec:\n  containers:\n  - args: [/bin/sh, -c, 'echo $(echo hi); sleep 1']\nEOF");
    expect((await s.run('cat p.yaml')).stdout).toBe("spec:\n  containers:\n  - args: [/bin/sh, -c, 'echo hi; sleep 1']\n");
  });
});
