// `npm start`: the sandbox portal, the token server and the demo pages, on fixed local ports.
import { createServer } from 'vite';
import { startSandbox } from '../server/sandbox/app.js';
import { startTokenServer } from '../server/token-server/node-adapter.js';
import { DEFAULTS } from '../server/token-server/config.js';

const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const tokenPort = Number(process.env.TOKEN_SERVER_PORT ?? 4020);
const demoPort = 5173;

const sandbox = await startSandbox({ port: sandboxPort });
const tokenServer = await startTokenServer({
  port: tokenPort,
  portalUrl: sandbox.url,
  clientId: 'demo-client',
  clientSecret: process.env.CLIENT_SECRET ?? DEFAULTS.clientSecret,
  allowedOrigins: [...DEFAULTS.allowedOrigins],
});
const vite = await createServer({ server: { port: demoPort, strictPort: true } });
await vite.listen();

console.log(`
  patient-booking demo

  Demo page         http://localhost:${demoPort}/
  Sandbox portal    ${sandbox.url}   (patient login: patient@example.com / sandbox)
  Token server      ${tokenServer.url}/token

  Press Ctrl+C to stop.
`);

async function stop() {
  await Promise.allSettled([vite.close(), tokenServer.close(), sandbox.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
