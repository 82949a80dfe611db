import { expect, test } from '@playwright/test';
import { openLab, terminalText, typeLine } from './helpers';

// The lab's side panels in real Chromium, as a visitor (no sign-in: the session lives in localStorage).
const COURSE = 'cka-hands-on';

const DEFAULT_DENY = JSON.stringify({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny', namespace: 'secure' },
  spec: { podSelector: {}, policyTypes: ['Ingress'] },
});

test('the cluster view names the NetworkPolicy that blocked a request the learner made', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLab(page, COURSE, 'lock-down-with-network-policy');

  await typeLine(page, `echo '${DEFAULT_DENY}' | kubectl apply -f -`);
  await expect(terminalText(page)).toContainText('networkpolicy.networking.k8s.io/default-deny created', { timeout: 20_000 });
  await typeLine(page, 'kubectl -n secure exec intruder -- wget -T 2 -qO- http://db.secure/');
  await expect(terminalText(page)).toContainText('download timed out', { timeout: 30_000 });

  await lab.getByRole('tab', { name: 'Cluster' }).click();
  const requests = lab.getByRole('region', { name: 'Recent requests' });
  const flow = requests.getByTestId('flow').filter({ hasText: 'secure/intruder → http://db.secure/' });
  await expect(flow).toHaveAttribute('data-verdict', 'denied', { timeout: 20_000 });
  await expect(flow).toContainText('timeout');
  await expect(flow).toContainText('Blocked by NetworkPolicy secure/default-deny (Ingress): it selects the receiving pod');

  // The policy's name opens its YAML.
  await flow.getByRole('button', { name: 'secure/default-deny' }).click();
  const yaml = lab.getByRole('region', { name: 'YAML of networkpolicies.networking.k8s.io/default-deny' });
  await expect(yaml).toContainText('kind: NetworkPolicy');
  await expect(yaml).toContainText('policyTypes:\n- Ingress');
});

test('clicking an object in the cluster view shows its YAML', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLab(page, COURSE, 'lock-down-with-network-policy');
  await lab.getByRole('tab', { name: 'Cluster' }).click();

  await lab.getByRole('region', { name: 'Nodes' }).getByRole('button', { name: /^db\b/ }).click();
  const pod = lab.getByRole('region', { name: 'YAML of pods/db' });
  await expect(pod).toContainText('kind: Pod');
  await expect(pod).toContainText('namespace: secure');
  await expect(pod).toContainText('image: nginx:1.27');

  await lab.getByRole('region', { name: 'Services' }).getByRole('button', { name: 'secure/db' }).click();
  const svc = lab.getByRole('region', { name: 'YAML of services/db' });
  await expect(svc).toContainText('kind: Service');
  await svc.getByRole('button', { name: 'Close YAML' }).click();
  await expect(svc).toHaveCount(0);
});

test('the tasks panel works from the keyboard alone: out of the terminal, Tab to Check, Enter', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLab(page, COURSE, 'lock-down-with-network-policy');
  const tasksTab = lab.getByRole('tab', { name: 'Tasks' });
  const task = lab.getByTestId('task-default-deny');
  const check = task.getByRole('button', { name: 'Check', exact: true });

  // Tab in the terminal completes; Escape then Tab leaves it.
  await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(tasksTab).toBeFocused();

  // Arrow keys move between the tabs; the Tasks tab is where Check lives.
  await page.keyboard.press('ArrowRight');
  await expect(lab.getByRole('tab', { name: 'Cluster' })).toBeFocused();
  await expect(lab.getByRole('tab', { name: 'Cluster' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(tasksTab).toHaveAttribute('aria-selected', 'true');

  // Tab along the panel until the first task's Check button has focus (a bounded walk, in tab order).
  for (let i = 0; i < 10 && !(await check.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(task.getByTestId('task-result')).toContainText('✗', { timeout: 20_000 });
  await expect(task.getByTestId('task-result')).toContainText('default-deny');

  // The hint is the next stop.
  await page.keyboard.press('Tab');
  await expect(task.getByRole('button', { name: /Show a hint/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(task).toContainText('podSelector: {}');
});

test('keys typed before the terminal has loaded are kept, and a line typed then runs once the lab is ready', async ({ page }) => {
  test.setTimeout(120_000);
  // Hold back xterm's script so the server-rendered early input is what the learner types into.
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    if (body.includes('xterm-helper-textarea')) await new Promise((r) => setTimeout(r, 3000));
    await route.fulfill({ response: res, body });
  });
  await page.goto(`/courses/${COURSE}/lock-down-with-network-policy`);
  const early = page.getByTestId('lab').locator('textarea[data-early-input]');
  await early.focus();
  await page.keyboard.type('kubectl get ns secure');
  await page.keyboard.press('Enter');
  await page.keyboard.type('kubectl get po -n sec');
  await expect(early).toHaveCount(0, { timeout: 30_000 });

  // The terminal took over with the focus: typing goes on where the learner was.
  await page.keyboard.type('ure db');
  await page.keyboard.press('Enter');
  await page.getByTestId('lab').getByLabel('Screen reader mode').check();
  await expect(terminalText(page)).toContainText(/secure\s+Active/, { timeout: 60_000 });
  await expect(terminalText(page)).toContainText(/db\s+1\/1\s+Running/, { timeout: 30_000 });
});

test('vi opens the editor; saving returns to the same terminal, scrollback and all', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLab(page, COURSE, 'lock-down-with-network-policy');
  await typeLine(page, 'echo before-the-editor');
  await expect(terminalText(page)).toContainText('before-the-editor', { timeout: 20_000 });

  await typeLine(page, 'vi /tmp/note.txt');
  const editor = lab.getByRole('dialog', { name: 'Editing /tmp/note.txt' });
  await expect(editor.locator('.cm-content')).toBeVisible({ timeout: 20_000 });
  await editor.locator('.cm-content').click();
  await page.keyboard.type('written in the editor');
  await editor.getByRole('button', { name: /Save & close/ }).click();
  await expect(editor).toHaveCount(0);

  // The focus is back in the terminal, and what was on screen before is still there.
  await page.keyboard.type('cat /tmp/note.txt');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText('written in the editor', { timeout: 20_000 });
  await expect(terminalText(page)).toContainText('before-the-editor');
});
