// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM database drivers load from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg'],
  // The lab engine is a TypeScript workspace package imported from source.
  transpilePackages: ['@kubelab/lab-engine'],
  // Lessons are read from content/ at run time by server components: ship them with the server.
  outputFileTracingIncludes: { '/**': ['./content/**/*'] },
};

export default nextConfig;
