// Prisma's schema engine (the code behind `prisma migrate deploy` / `migrate diff`),
// run as WebAssembly through a driver adapter so migrations work offline, where the
// Prisma CLI cannot download its native engine binary.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);
let initialised = false;

// The package's ESM entry imports the .wasm file directly, which Node 20 rejects,
// so instantiate the module ourselves and hand it to the wasm-bindgen glue.
function initWasm(): void {
  if (initialised) return;
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  initialised = true;
}

export type SchemaFile = { path: string; content: string };

export type OpenSchemaEngine = { engine: SchemaEngine; close: () => Promise<void> };

/**
 * Opens the engine on the adapter's database. `close()` frees the engine and disposes
 * the connections it opened (freeing the engine alone leaves SQLite files locked).
 */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaFile,
): Promise<OpenSchemaEngine> {
  initWasm();
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => remember(opened, await adapterFactory.connect()),
    connectToShadowDb: async () => remember(opened, await adapterFactory.connectToShadowDb()),
  };
  const log = (message: string) => {
    if (process.env.KUBELAB_DEBUG_SCHEMA_ENGINE) console.error('[schema-engine]', message);
  };
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

function remember(list: SqlDriverAdapter[], adapter: SqlDriverAdapter): SqlDriverAdapter {
  list.push(adapter);
  return adapter;
}
