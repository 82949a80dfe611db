import { expect, test } from '@playwright/test';
import { COURSE_ID } from './helpers';

test('a new learner signs up, enrolls, opens a lesson and finds it on the dashboard', async ({ page }) => {
  const email = `learner-${Date.now()}@example.test`;

  await page.goto('/');
  await page.getByRole('link', { name: 'Create a free account' }).click();
  await page.getByLabel('Name').fill('Playwright Learner');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Use at least 8 characters.');
  await page.getByLabel('Password').fill('a good long password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText('You are not enrolled in any course yet.')).toBeVisible();

  await page.getByRole('link', { name: 'Browse the catalogue' }).click();
  await page.getByRole('link', { name: 'Kubernetes First Steps' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE_ID}$`));
  await page.getByRole('button', { name: 'Enroll in this course' }).click();
  await expect(page.getByTestId('course-progress')).toHaveText('0 of 2 lessons · 0%');

  await page.getByRole('link', { name: /Pods and Deployments/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pods and Deployments' })).toBeVisible();
  // Highlighted code with copy buttons, tabs, a callout and the reserved lab mount.
  await expect(page.locator('figure[data-rehype-pretty-code-figure]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy code' }).first()).toBeAttached();
  await page.getByRole('tab', { name: 'Declarative' }).click();
  await expect(page.getByText('kind: Deployment')).toBeVisible();
  await expect(page.getByRole('note', { name: 'Labels must match' })).toBeVisible();
  await expect(page.getByTestId('lab-slot')).toHaveAttribute('data-lab-id', 'scale-a-deployment');
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByTestId('lesson-completed')).toBeVisible();

  await page.getByRole('link', { name: '阅读中文版' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pod 与 Deployment' })).toBeVisible();

  await page.getByRole('link', { name: 'Dashboard' }).click();
  const card = page.getByTestId(`enrolled-${COURSE_ID}`);
  await expect(card).toContainText('Kubernetes First Steps');
  await expect(card).toContainText('1 of 2 lessons completed');
  await expect(card.getByTestId('continue-lesson')).toHaveText('Continue: Pods and Deployments');
});
