// Worker-thread entry: loads the TypeScript grading worker through tsx, so the
// engine's sources run as they are (no separate build step for the server).
import { tsImport } from 'tsx/esm/api';

await tsImport('./grade-worker.ts', import.meta.url);
