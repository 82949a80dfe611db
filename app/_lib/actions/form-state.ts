export type FormState = { ok: boolean; message: string } | null;
