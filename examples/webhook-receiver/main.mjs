// Runs the example receiver: WEBHOOK_SECRET=whsec_… PORT=4000 node main.mjs
// Then create a webhook in the dashboard (or POST /api/v1/webhooks) with the URL it prints.
// A receiver on this machine needs WEBHOOK_ALLOW_PRIVATE=1 on the dukaan-kit server: loopback
// and private addresses are refused otherwise (see docs/events.md).
import { createReceiver } from './receiver.mjs';

const secret = process.env.WEBHOOK_SECRET ?? '';
if (!secret) {
  console.error('Set WEBHOOK_SECRET to the secret shown when the webhook was created (whsec_…).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const path = '/webhooks/dukaan';
const toleranceSeconds = Number(process.env.TOLERANCE_SECONDS ?? 300);

const server = createReceiver({
  secret,
  path,
  toleranceSeconds,
  // Your work goes here: mark the order in your books, print a packing slip, ping a chat.
  onEvent: async () => {},
});
server.listen(port, host, () => {
  const address = server.address();
  console.log(`webhook receiver listening on http://${host}:${address.port}${path}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
