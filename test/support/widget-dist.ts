/**
 * The built widget (`dist/`) as a backend serves it, read once per process: the test files that
 * share a process (test/support/shard.ts) also share its compressed forms, made on first request.
 */
import { resolve } from 'node:path';
import type { WidgetFiles } from '../../server/backend/widget-files.js';
import { readWidgetFiles } from '../../server/backend/widget-files-node.js';

let read: WidgetFiles | undefined;

export function builtWidget(): WidgetFiles {
  return (read ??= readWidgetFiles(resolve('dist')));
}
