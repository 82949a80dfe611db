'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '../../_lib/actions/form-state';

/** A form bound to a server action that returns a message to show in place. */
export function ActionForm({
  action,
  submitLabel,
  children,
  testId,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  children: ReactNode;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3" data-testid={testId}>
      {children}
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
        {state && (
          <p role={state.ok ? 'status' : 'alert'} className={`text-sm ${state.ok ? 'text-emerald-600' : 'text-red-600'}`}>
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
