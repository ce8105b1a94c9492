// `npm start`: the product as a practice deploys it, on this machine. It builds the widget, starts
// the sandbox portal and the booking backend (serving the build), and the practice's website with
// the demo pages, which passes /pb/ on to the backend as nginx's `location /pb/ { proxy_pass … }`
// would: page, widget and API on one origin. Ports: SANDBOX_PORT, BACKEND_PORT, DEMO_PORT.
import { resolve } from 'node:path';
import { build, createServer } from 'vite';
import { startSandbox } from '../server/sandbox/app.js';
import { startBackend } from '../server/backend/node-adapter.js';
import { DEFAULTS } from '../server/backend/config.js';
import { readWidgetFiles } from '../server/backend/widget-files-node.js';
import { listenOnBothLoopbacks } from './embed-dev.js';
import { strictCsp } from './csp.js';

const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const backendPort = Number(process.env.BACKEND_PORT ?? 4020);
const demoPort = Number(process.env.DEMO_PORT ?? 5173);
/** Where the build goes (the tests give a folder of their own, so dist/ is left to the others). */
const outDir = resolve(process.env.START_OUT_DIR ?? 'dist');

console.log('Building the widget…');
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });

// The demo runs on two origins (the iframe demo puts embed.html on the other one).
const demoOrigins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
const redirectUris = demoOrigins.map((origin) => `${origin}/pb/callback.html`);
const sandbox = await startSandbox({ port: sandboxPort, redirectUris });
const backend = await startBackend(
  {
    port: backendPort,
    portalUrl: sandbox.url,
    clientId: DEFAULTS.clientId,
    clientSecret: process.env.CLIENT_SECRET ?? DEFAULTS.clientSecret,
    // The demo site in front passes requests on, as nginx would: its forwarding is trusted.
    trustProxy: ['127.0.0.1', '::1'],
    // Pages of both names may frame embed.html.
    allowedOrigins: demoOrigins,
    redirectUris,
    practice: { phone: '030 1234567' },
  },
  { files: readWidgetFiles(outDir), warn: (line) => console.error(line) },
);
const vite = await createServer({
  server: {
    port: demoPort,
    strictPort: true,
    host: 'localhost',
    proxy: {
      '/pb/': { target: backend.url, rewrite: (path) => path.replace(/^\/pb/, '') },
    },
  },
  plugins: [
    {
      name: 'patient-booking:demo-csp',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          // The strict-CSP demo: 'self' covers the widget, its API and the dev server's websocket.
          if (req.url?.startsWith('/demo/strict-csp.html')) {
            res.setHeader('Content-Security-Policy', strictCsp({ connect: ["'self'"] }));
          }
          next();
        });
      },
    },
  ],
});
await vite.listen();
const secondListener = await listenOnBothLoopbacks(vite);

const demo = `http://localhost:${demoPort}`;
console.log(`
  patient-booking demo

  Demo page         ${demo}/
  Embedding demos   ${demo}/demo/   (script tag, CMS markup, iframe, strict CSP, configurator)
  Booking backend   ${demo}/pb/  (the practice's site passes /pb/ to ${backend.url}/)
  Sandbox portal    ${sandbox.url}   (patient login: patient@example.com / sandbox)

  Press Ctrl+C to stop.
`);

async function stop() {
  secondListener?.closeAllConnections();
  secondListener?.close();
  await Promise.allSettled([vite.close(), backend.close(), sandbox.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
