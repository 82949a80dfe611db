/** Learner-facing text in English and Simplified Chinese. A plain string is English-only. */
export type Locale = 'en' | 'zh';
export type LocalizedText = string | { en: string; zh?: string };

export function pickText(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (locale === 'zh' ? text.zh : undefined) ?? text.en;
}
