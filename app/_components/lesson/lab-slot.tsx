// The lab beside a lesson: a server component that loads the lab file and the
// learner's saved session, and mounts the in-browser lab (LabPanel) with the
// server actions that save the session and grade it authoritatively.
import type { Transcript } from '@kubelab/lab-engine';
import { getLab } from '../../_lib/lab/labs';
import { checkLabAction, saveLabSessionAction } from '../../_lib/lab/actions';
import { LabPanel } from '../lab/lab-panel';

type SavedLabSession = { contentVersion: string; transcript: unknown; updatedAt: Date } | null;

export function LabSlot({ labId, session, signedIn, locale }: { labId: string; session: SavedLabSession; signedIn: boolean; locale: 'en' | 'zh' }) {
  const entry = getLab(labId);
  if (!entry) {
    return (
      <p role="alert" className="rounded-lg border border-red-300 p-4 text-sm text-red-700">
        This lesson names a lab (<code>{labId}</code>) that does not exist.
      </p>
    );
  }
  // A session started on another version of the lab file does not replay on this one.
  const saved = session && session.contentVersion === entry.contentVersion && isTranscript(session.transcript) ? (session.transcript as Transcript) : null;
  return (
    <section aria-labelledby="lab-heading" data-lab-id={labId} data-testid="lab-slot">
      <h2 id="lab-heading" className="mb-3 text-lg font-semibold">
        {locale === 'zh' ? '实验' : 'Lab'}
      </h2>
      <LabPanel
        lab={entry.lab}
        contentVersion={entry.contentVersion}
        locale={locale}
        saved={saved}
        saveAction={signedIn ? saveLabSessionAction : undefined}
        checkAction={signedIn ? checkLabAction : undefined}
      />
    </section>
  );
}

function isTranscript(t: unknown): boolean {
  return !!t && typeof t === 'object' && (t as { version?: unknown }).version === 1 && Array.isArray((t as { acts?: unknown }).acts);
}
