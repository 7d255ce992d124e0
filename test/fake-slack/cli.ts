// Standalone fake Slack for the demo, the benchmark and e2e runs in other processes:
//   tsx test/fake-slack/cli.ts [--port N] [--members N] [--org-sessions N] [--host H]
// Prints one JSON line {"origin","port","spkiFingerprint"} once listening; SIGINT/SIGTERM close it.

import { parseArgs } from 'node:util';
import { startFakeSlack } from './index';

function count(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a non-negative integer, got ${text}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      members: { type: 'string' },
      'org-sessions': { type: 'string' },
      host: { type: 'string' },
    },
  });
  const port = count('port', values.port);
  const extraMembers = count('members', values.members);
  const orgSessions = count('org-sessions', values['org-sessions']);
  const fake = await startFakeSlack({
    ...(port !== undefined && { port }),
    ...(extraMembers !== undefined && { extraMembers }),
    ...(orgSessions !== undefined && { orgSessions }),
    ...(values.host !== undefined && { host: values.host }),
  });
  process.stdout.write(
    `${JSON.stringify({ origin: fake.origin, port: fake.port, spkiFingerprint: fake.spkiFingerprint })}\n`,
  );
  // Close, then let the event loop drain: the process exits by itself only if close() left
  // nothing running, which is exactly what a caller relies on.
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    fake.close().catch((error: unknown) => {
      process.stderr.write(`fake-slack: close failed: ${String(error)}\n`);
      process.exitCode = 1;
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake-slack: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
