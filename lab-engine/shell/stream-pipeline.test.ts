import { describe, expect, it } from 'vitest';
import { headLimit, isEndlessKubectl, isLineFilter, isPlainPipeline, splitFirstPipe } from './stream-pipeline';

describe('streaming pipelines: recognising the line', () => {
  it('splits at the first top-level pipe only', () => {
    expect(splitFirstPipe('kubectl get pods -w | grep web | wc -l')).toEqual({ left: 'kubectl get pods -w', rest: 'grep web | wc -l' });
    expect(splitFirstPipe("kubectl logs -f x | grep 'a|b'")).toEqual({ left: 'kubectl logs -f x', rest: "grep 'a|b'" });
    expect(splitFirstPipe("echo 'a | b'")).toBeUndefined();
    expect(splitFirstPipe('a || b')).toBeUndefined();
    expect(splitFirstPipe('a |& b')).toBeUndefined();
  });

  it('the rest must be one plain pipeline', () => {
    expect(isPlainPipeline("grep web | awk '{print $1}'")).toBe(true);
    expect(isPlainPipeline('grep web; echo done')).toBe(false);
    expect(isPlainPipeline('grep web && echo ok')).toBe(false);
    expect(isPlainPipeline('grep $(echo web)')).toBe(false);
  });

  it('knows the kubectl commands that never end by themselves', () => {
    expect(isEndlessKubectl(['kubectl', 'get', 'pods', '-w'])).toBe(true);
    expect(isEndlessKubectl(['kubectl', '-n', 'x', 'get', 'pods', '--watch'])).toBe(true);
    expect(isEndlessKubectl(['kubectl', 'get', 'pods', '--watch=false'])).toBe(false);
    expect(isEndlessKubectl(['kubectl', 'logs', '-f', 'web'])).toBe(true);
    expect(isEndlessKubectl(['kubectl', 'events', '--watch'])).toBe(true);
    expect(isEndlessKubectl(['kubectl', 'get', 'pods'])).toBe(false);
    expect(isEndlessKubectl(['grep', '-w', 'x'])).toBe(false);
  });

  it('streams through line filters, not through filters that wait for end-of-file', () => {
    for (const f of ['grep web', 'grep -v Pending', "awk '{print $1}'", 'cut -d" " -f1', 'sed s/a/b/', 'head -3', 'tee /tmp/w.log']) expect(isLineFilter(f)).toBe(true);
    for (const f of ['wc -l', 'sort', 'uniq -c', 'tail -1', 'grep -c web', "awk '{n++} END {print n}'", "sed -n '$p'", 'jq -s .']) expect(isLineFilter(f)).toBe(false);
  });

  it('knows when a last `head` stage ends the line', () => {
    expect(headLimit('grep web | head -3')).toBe(3);
    expect(headLimit('head -n 5')).toBe(5);
    expect(headLimit('head')).toBe(10);
    expect(headLimit('head -c 10')).toBeUndefined();
    expect(headLimit('head -3 | grep x')).toBeUndefined();
  });
});
