import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a signed-out visitor is sent to sign-in from the dashboard, and back after signing in', async ({ page }) => {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);

  await page.getByLabel('Email').fill('student@kubelab.dev');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password.');

  await page.getByLabel('Password').fill('kubelab-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'Welcome back, Demo Student' })).toBeVisible();
});

test('a student cannot open instructor pages; an instructor can', async ({ browser }) => {
  const student = await browser.newPage();
  await signIn(student, 'student@kubelab.dev');
  await expect(student.getByRole('link', { name: 'Teach' })).toHaveCount(0);
  await student.goto('/teach');
  await expect(student.getByTestId('access-denied')).toBeVisible();
  await expect(student.getByText('DEMO-2026')).toHaveCount(0);
  await expect(student.getByRole('button', { name: 'Create class' })).toHaveCount(0);

  const instructor = await browser.newPage();
  await signIn(instructor, 'instructor@kubelab.dev');
  await instructor.getByRole('link', { name: 'Teach' }).click();
  const demoClass = instructor.getByTestId('class-card').filter({ hasText: 'Demo class' });
  await expect(demoClass).toContainText('DEMO-2026');
  await expect(demoClass).toContainText('Demo Student');
});
