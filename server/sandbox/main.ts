/** `npm run sandbox`: the sandbox patient portal on SANDBOX_PORT (default 4010). */
import { startSandbox } from './app.js';

const sandbox = await startSandbox();
const [demo, other] = sandbox.state.patients;
console.log(`Sandbox patient portal: ${sandbox.url} (also http://127.0.0.1:${sandbox.port})`);
console.log(`  issuer ${sandbox.issuer}, API ${sandbox.issuer}/api/patient/v1`);
console.log('  clients: demo-client / demo-secret (confidential), demo-spa (public, PKCE)');
console.log(
  `  patients: ${demo.email} / sandbox (${demo.id}), ${other.email} / sandbox (${other.id})`,
);

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
