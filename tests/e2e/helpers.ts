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
