#!/usr/bin/env node
// Starts the server from environment variables (see server/README.md):
//   PORT=8080 HOST=127.0.0.1 ADMIN_TOKEN=… node server/index.js
// SIGTERM/SIGINT close it gracefully: no new requests, the ones in flight
// finish (their records committed), then the database is closed.
import { buildApp } from './app.js';
import { settingsFromEnv } from './config.js';

let settings;
try {
  settings = settingsFromEnv(process.env);
} catch (error) {
  console.error(`privacy-elements server: ${error.message}`);
  process.exit(2);
}

let app;
try {
  app = await buildApp(settings);
} catch (error) {
  // Typically the database: unreachable, wrong password, or a migration failed.
  console.error(`privacy-elements server: could not start: ${error.message}`);
  process.exit(1);
}
try {
  await app.listen({ port: settings.port, host: settings.host });
} catch (error) {
  app.log.error({ err: error }, 'could not start listening');
  process.exit(1);
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, async () => {
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 10_000).unref(); // a request that never ends must not block the stop
    await app.close();
    process.exit(0);
  });
}
