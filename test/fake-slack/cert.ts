// A self-signed certificate for every Slack host the fake answers for. Generated once per
// process (key generation dominates start-up time) and shared by every server started.

import { createHash, createPublicKey } from 'node:crypto';
import { generate } from 'selfsigned';

export interface FakeCertificate {
  key: string;
  cert: string;
  /** base64 SHA-256 of the public key, for Chromium's --ignore-certificate-errors-spki-list. */
  spkiFingerprint: string;
}

const DNS_NAMES = [
  'slack.com',
  '*.slack.com',
  '*.enterprise.slack.com',
  'slack-gov.com',
  '*.slack-gov.com',
  '*.enterprise.slack-gov.com',
  'localhost',
];

let cached: Promise<FakeCertificate> | undefined;

async function create(): Promise<FakeCertificate> {
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const pems = await generate([{ name: 'commonName', value: 'slack.com' }], {
    keySize: 2048,
    algorithm: 'sha256',
    // Backdated a day so clock skew between processes never makes it "not yet valid".
    notBeforeDate: new Date(now - day),
    notAfterDate: new Date(now + 30 * day),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...DNS_NAMES.map((value) => ({ type: 2 as const, value })),
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const spki = createPublicKey(pems.public).export({ type: 'spki', format: 'der' });
  return {
    key: pems.private,
    cert: pems.cert,
    spkiFingerprint: createHash('sha256').update(spki).digest('base64'),
  };
}

export function fakeCertificate(): Promise<FakeCertificate> {
  cached ??= create().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
