import { readConfig } from './config.js';
import { buildApp } from './app.js';
import { seedDemoStore } from './demo.js';

const config = (() => {
  try {
    return readConfig();
  } catch (error) {
    // A bad setting is the operator's to fix: one line naming it, not a stack trace.
    console.error(`dukaan-kit cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
})();
const app = await buildApp(config);
if (process.argv.includes('--demo')) {
  const { slug, email, password } = await seedDemoStore(app.dukaan);
  app.server.logger.info(`demo store /${slug}; vendor login ${email} / ${password}`);
}
await app.server.start();
const url = config.publicUrl ?? app.server.info.uri;
app.server.logger.info(`dukaan-kit listening on ${url}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.server.logger.info(`${signal}: finishing in-flight requests`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.server.logger.error(error);
        process.exit(1);
      },
    );
  });
}
