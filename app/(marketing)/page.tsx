import Link from 'next/link';
import { listCourses } from '../_lib/content';

const features = [
  {
    title: 'A cluster in your browser',
    body: 'Every lab runs a simulated Kubernetes cluster — control plane, nodes, scheduler, controllers — right in the page. No VM, no cloud account, instant reset.',
  },
  {
    title: 'kubectl as it really behaves',
    body: 'The same verbs, flags, columns, messages and exit codes as kubectl v1.32, so the habits you build carry over to real clusters and to the CKA and CKAD exams.',
  },
  {
    title: 'Graded as you go',
    body: 'Each exercise checks the state of your cluster and tells you what it saw — “expected 4 ready replicas, found 2” — not just “wrong”.',
  },
  {
    title: 'Progress that follows you',
    body: 'Your dashboard tracks courses, lessons and labs. Instructors create classes and see how their students are doing.',
  },
];

export default function LandingPage() {
  const courses = listCourses();
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white px-4 py-20 dark:from-slate-900 dark:to-slate-950">
        <div className="mx-auto max-w-4xl text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-600 dark:text-brand-100">
            Kubernetes, hands on
          </p>
          <h1 className="mt-3 text-4xl font-extrabold tracking-tight sm:text-5xl">
            Learn Kubernetes by running it — in your browser.
          </h1>
          <p className="mx-auto mt-5 max-w-2xl text-lg text-slate-600 dark:text-slate-300">
            KubeLab pairs short lessons with a live terminal on a simulated cluster. Type real
            <code className="mx-1 rounded bg-slate-100 px-1.5 font-mono text-base dark:bg-slate-800">kubectl</code>
            commands, break things safely, and get graded on the result.
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <Link href="/courses" className="btn-primary px-6 py-3 text-base">Browse courses</Link>
            <Link href="/sign-up" className="btn-secondary px-6 py-3 text-base">Create a free account</Link>
          </div>
        </div>
      </section>
      <section className="mx-auto max-w-6xl px-4 py-16" aria-labelledby="how-heading">
        <h2 id="how-heading" className="text-2xl font-bold tracking-tight">How KubeLab works</h2>
        <div className="mt-8 grid gap-6 sm:grid-cols-2">
          {features.map((f) => (
            <div key={f.title} className="card">
              <h3 className="font-semibold">{f.title}</h3>
              <p className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">{f.body}</p>
            </div>
          ))}
        </div>
      </section>
      {courses.length > 0 && (
        <section className="mx-auto max-w-6xl px-4 pb-20" aria-labelledby="start-heading">
          <h2 id="start-heading" className="text-2xl font-bold tracking-tight">Start here</h2>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {courses.map((c) => (
              <li key={c.id}>
                <Link href={`/courses/${c.id}`} className="card block hover:border-brand-500">
                  <span className="font-semibold">{c.title}</span>
                  <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{c.summary}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
