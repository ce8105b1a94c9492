// `npm start`: the sandbox portal, the token server and the demo pages, on fixed local ports.
import { createServer } from 'vite';
import { startSandbox } from '../server/sandbox/app.js';
import { startBackend } from '../server/backend/node-adapter.js';
import { DEFAULTS } from '../server/backend/config.js';
import { embedDev, listenOnBothLoopbacks } from './embed-dev.js';

const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const tokenPort = Number(process.env.TOKEN_SERVER_PORT ?? 4020);
const demoPort = 5173;

const sandbox = await startSandbox({ port: sandboxPort });
// The demo runs on two origins (the iframe demo puts embed.html on the other one).
const demoOrigins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
const tokenServer = await startBackend({
  port: tokenPort,
  portalUrl: sandbox.url,
  clientId: 'demo-client',
  clientSecret: process.env.CLIENT_SECRET ?? DEFAULTS.clientSecret,
  allowedOrigins: [...DEFAULTS.allowedOrigins],
  // Patient login through the token server (confidential client): the demo's callback pages.
  redirectUris: demoOrigins.map((origin) => `${origin}/callback.html`),
});
const vite = await createServer({
  server: { port: demoPort, strictPort: true },
  plugins: [embedDev({ origins: demoOrigins, connect: [sandbox.url, tokenServer.url] })],
});
await vite.listen();
const secondListener = await listenOnBothLoopbacks(vite);

const demo = `http://localhost:${demoPort}`;
console.log(`
  patient-booking demo

  Demo page         ${demo}/
  Embedding demos   ${demo}/demo/   (script tag, CMS markup, iframe, strict CSP, configurator)
  Sandbox portal    ${sandbox.url}   (patient login: patient@example.com / sandbox)
  Token server      ${tokenServer.url}/token

  Press Ctrl+C to stop.
`);

async function stop() {
  secondListener?.closeAllConnections();
  secondListener?.close();
  await Promise.allSettled([vite.close(), tokenServer.close(), sandbox.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
