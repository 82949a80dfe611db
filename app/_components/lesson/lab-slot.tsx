// The place where a lesson's lab mounts. The in-browser lab (xterm + simulated
// cluster, a later issue) replaces the body of this component; pages pass the lab id
// and the signed-in learner's saved session, read with getCurrentUserLabSession().
type SavedLabSession = { id: string; status: string; updatedAt: Date } | null;

export function LabSlot({ labId, session, signedIn }: { labId: string; session: SavedLabSession; signedIn: boolean }) {
  return (
    <section
      aria-labelledby="lab-heading"
      data-lab-id={labId}
      data-testid="lab-slot"
      className="rounded-xl border-2 border-dashed border-brand-500/50 bg-brand-50/50 p-6 dark:bg-slate-900"
    >
      <h2 id="lab-heading" className="text-lg font-semibold">
        Lab: <code className="font-mono">{labId}</code>
      </h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        The interactive terminal and simulated cluster for this lesson will appear here.
        {signedIn ? (session ? ` Your saved session was last used ${session.updatedAt.toISOString().slice(0, 10)}.` : '') : ' Sign in to keep your lab progress.'}
      </p>
    </section>
  );
}
