import { expect, test } from '@playwright/test';
import { signIn, terminalText, typeLine } from './helpers';

const COURSE = 'cka-hands-on';
const LESSON = 'fix-a-broken-deployment';

test('a learner fixes a broken deployment in the lab, checks it, reloads to the same state, and sees the progress', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'student@kubelab.dev', undefined, `/courses/${COURSE}`);
  const enroll = page.getByRole('button', { name: 'Enroll in this course' });
  if (await enroll.isVisible()) await enroll.click();
  await page.goto(`/courses/${COURSE}/${LESSON}`);

  const lab = page.getByTestId('lab');
  await expect(lab).toBeVisible();
  await lab.getByLabel('Screen reader mode').check();
  await expect(terminalText(page)).toContainText('controlplane:~$', { timeout: 30_000 });

  await typeLine(page, 'kubectl -n prod get pods');
  await expect(terminalText(page)).toContainText(/ImagePullBackOff|ErrImagePull/, { timeout: 20_000 });

  // A wrong attempt: the learner is told what is still wrong.
  const task = lab.getByTestId('task-pods-running');
  await task.getByRole('button', { name: 'Check' }).click();
  await expect(task.getByTestId('task-result')).toContainText('✗', { timeout: 20_000 });
  await expect(task.getByTestId('task-result')).toContainText('nginx:1.27-alpine');

  await typeLine(page, 'kubectl -n prod set image deployment/api nginx=nginx:1.27-alpine');
  await expect(terminalText(page)).toContainText('deployment.apps/api image updated', { timeout: 20_000 });
  await typeLine(page, 'kubectl -n prod rollout status deployment/api --timeout=120s');
  await expect(terminalText(page)).toContainText('successfully rolled out', { timeout: 90_000 });
  await typeLine(page, `kubectl -n prod patch service api -p '{"spec":{"selector":{"app":"api"}}}'`);
  await expect(terminalText(page)).toContainText('service/api patched', { timeout: 20_000 });

  await lab.getByRole('button', { name: 'Check all' }).click();
  await expect(lab.getByTestId('task-pods-running').getByTestId('task-result')).toContainText('✓', { timeout: 30_000 });
  await expect(lab.getByTestId('task-service-endpoints').getByTestId('task-result')).toContainText('✓');
  // The server replayed the transcript and recorded the same verdict.
  await expect(lab.getByTestId('task-service-endpoints').getByTestId('task-result')).toContainText('Recorded: ✓', { timeout: 60_000 });

  // Reload: the session is replayed to the same state.
  await page.reload();
  await page.getByTestId('lab').getByLabel('Screen reader mode').check();
  await expect(terminalText(page)).toContainText('(session restored)', { timeout: 30_000 });
  await typeLine(page, 'kubectl -n prod get deploy api -o jsonpath={.spec.template.spec.containers[0].image}');
  await expect(terminalText(page)).toContainText('nginx:1.27-alpine', { timeout: 20_000 });

  await page.goto('/dashboard');
  await expect(page.getByTestId(`enrolled-${COURSE}`)).toContainText(/\b1 of \d+ lessons completed/); // the course grows; one lesson is done
});
