import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-bold">This page does not exist</h1>
      <Link href="/courses" className="btn-secondary mt-6">Browse courses</Link>
    </div>
  );
}
