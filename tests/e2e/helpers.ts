import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'kubelab-demo';
export const COURSE_ID = 'kubernetes-first-steps';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, callbackUrl = '/dashboard') {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[?]/g, '\\?')}$`));
}

/** Types a command line into the lab's terminal, as a learner does. */
export async function typeLine(page: Page, line: string) {
  await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus();
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** The terminal's text, through xterm's screen-reader tree (it is in the DOM whichever renderer draws). */
export function terminalText(page: Page) {
  return page.locator('[data-testid="terminal"] .xterm-accessibility-tree');
}

/** Opens a lesson's lab with screen-reader mode on (which also scrolls it into view) and waits for the prompt. */
export async function openLab(page: Page, course: string, lesson: string) {
  await page.goto(`/courses/${course}/${lesson}`);
  const lab = page.getByTestId('lab');
  await lab.getByLabel('Screen reader mode').check();
  await expect(terminalText(page)).toContainText('controlplane:~$', { timeout: 60_000 });
  return lab;
}
