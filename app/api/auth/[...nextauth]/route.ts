import NextAuth from 'next-auth';
import { getAuthOptions } from '@/app/_lib/auth/options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: RouteContext) {
  return NextAuth(req as never, context as never, await getAuthOptions());
}

export { handler as GET, handler as POST };
