// The process that takes only the files whose time is mostly waiting (test/support/shard.ts).
import { runShard } from '../support/shard.js';

await runShard('waiting');
