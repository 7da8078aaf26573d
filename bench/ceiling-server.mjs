// Scenario (f), the ceiling: a bare node:http server that answers every request with the
// exact status, headers and body captured from the app (a JSON file written by run.mjs).
// Whatever the app spends beyond this is the framework's and the application's own cost.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const captured = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const body = Buffer.from(captured.bodyBase64, 'base64');
// node writes Date, Connection and Keep-Alive itself; the length is the body's.
const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const headers = [];
for (let i = 0; i < captured.rawHeaders.length; i += 2) {
  const name = captured.rawHeaders[i];
  if (!skip.has(name.toLowerCase())) headers.push(name, captured.rawHeaders[i + 1]);
}
headers.push('content-length', String(body.length));

const server = http.createServer((request, response) => {
  request.resume();
  response.writeHead(captured.status, headers);
  response.end(body);
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
