/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeCallbackUrl(value: string | undefined | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/dashboard';
}
