import type { ComponentProps } from 'react';
import { CopyButton } from './copy-button';

/** Every fenced code block gets a copy button. */
export function CodeBlock(props: ComponentProps<'pre'>) {
  return (
    <div className="group relative">
      <pre {...props} />
      <CopyButton />
    </div>
  );
}
