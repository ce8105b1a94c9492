// One of the processes that share the server and end-to-end test files (test/support/shard.ts).
import { runShard } from '../support/shard.js';

await runShard();
