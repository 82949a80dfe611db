import { describe, expect, it } from 'vitest';
import { Rng } from '../base/rng';
import { createSession, type Session } from './session';
import { replay } from './replay';

/**
 * Seeded random sessions mixing every kind of act (auto lines, interactive
 * lines with time passing and Ctrl-C, editor saves and cancels, plain file
 * saves): replaying the transcript must give the live session's state hash.
 */
const LINES = [
  'echo $RANDOM >> /tmp/r',
  'x=$((RANDOM % 7)); export X$x=$x',
  'mkdir -p /opt/d$((RANDOM % 3)) && cd /opt/d$((RANDOM % 3))',
  'cd ~',
  'alias l$((RANDOM % 4))="ls -1"',
  'f$((RANDOM % 3))() { date +%s; }',
  'date >> /tmp/dates',
  'sleep $((RANDOM % 20))',
  'for i in 1 2 3; do echo $i$RANDOM; done | sort > /tmp/s',
  'cat /tmp/r | wc -l',
  'kubectl create namespace ns$((RANDOM % 5))',
  'kubectl create configmap cm$RANDOM --from-literal=a=$RANDOM',
  'kubectl get ns',
  'kubectl create deployment d$((RANDOM % 4)) --image=nginx --replicas=$((RANDOM % 3 + 1))',
  'kubectl get pods -A',
  'kubectl delete namespace ns$((RANDOM % 5))',
  'history | tail -2',
  'bogus-command',
];
const STREAMING = ['watch -n 1 date +%T', 'sleep infinity', 'kubectl get pods -w', 'while true; do date; sleep 2; done'];

async function randomSession(seed: number, acts: number): Promise<Session> {
  const rng = new Rng(seed, 'fuzz');
  const s = await createSession({ seed, topology: rng.next() < 0.7 ? 'bare' : 'default' });
  for (let i = 0; i < acts; i++) {
    const r = rng.next();
    if (r < 0.45) {
      await s.run(rng.pick(LINES), { interruptAfterMs: 1000 + rng.int(10_000) });
    } else if (r < 0.6) {
      await s.start(rng.pick(STREAMING));
      await s.advanceTo(s.nowMs() + rng.int(8000));
      await s.interrupt();
    } else if (r < 0.7) {
      await s.start(`vi /tmp/e${rng.int(3)}`);
      if (rng.next() < 0.8) await s.saveFile(s.pendingEditor()!.path, `v${rng.int(1000)}\n`);
      else await s.cancelEditor();
    } else if (r < 0.8) {
      await s.run(`vim /tmp/a${rng.int(2)}; cat /tmp/a*`, { edits: [rng.next() < 0.5 ? null : `auto ${rng.int(99)}\n`] });
    } else if (r < 0.9) {
      await s.advanceTo(s.nowMs() + rng.int(30_000));
    } else {
      await s.saveFile(`/root/host-${rng.int(3)}.txt`, `saved ${rng.int(100)}\n`);
    }
  }
  return s;
}

describe('replay equals live (fuzz)', () => {
  for (let seed = 1; seed <= 24; seed++) {
    it(`seed ${seed}`, async () => {
      const live = await randomSession(seed, 14);
      expect(live.transcript().acts.length).toBeGreaterThanOrEqual(14);
      const again = await replay(live.transcript());
      expect(again.stateHash()).toBe(live.stateHash());
      expect(again.transcript()).toEqual(live.transcript());
    }, 60_000);
  }
});
