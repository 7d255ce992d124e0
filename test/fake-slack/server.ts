// The HTTPS server: routes by Host and path to the API, the control endpoints or the admin
// pages, and tracks every socket so closing never waits on a keep-alive connection.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { handleApi } from './api';
import type { FakeCertificate } from './cert';
import { handleControl } from './control';
import { apiEnv, classifyHost, hostName } from './hosts';
import { routePage } from './pages/router';
import type { FakeState } from './state';
import { sendText } from './wire';

// Slack's pages forbid inline script; so do these, which keeps the fake honest about it.
const PAGE_HEADERS = {
  'content-security-policy': "script-src 'self'; object-src 'none'; base-uri 'self'",
  'cache-control': 'no-store',
};

async function route(state: FakeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = hostName(req.headers.host);
  const url = new URL(req.url ?? '/', 'https://fake-slack.invalid');
  if (url.pathname.startsWith('/_fake/')) return handleControl(state, req, res, url);

  const kind = classifyHost(host);
  const api = apiEnv(kind, url.pathname);
  if (api && req.method !== 'OPTIONS') return handleApi(state, req, res, { host, url, ...api });

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n', { allow: 'GET, HEAD' });
    return;
  }
  // Browsers ask every host for one; an empty answer keeps their consoles free of 404s.
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204, { 'cache-control': 'max-age=86400' });
    res.end();
    return;
  }
  const page = routePage(state.org, kind, url.pathname, url.searchParams);
  if (page.location) {
    res.writeHead(page.status, { location: page.location, ...PAGE_HEADERS });
    res.end();
    return;
  }
  if (req.method === 'HEAD') {
    res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', ...PAGE_HEADERS });
    res.end();
    return;
  }
  sendText(res, page.status, 'text/html; charset=utf-8', page.html, PAGE_HEADERS);
}

export interface RunningServer {
  server: Server;
  port: number;
  /** Stops listening and destroys every open connection. */
  close(): Promise<void>;
}

export async function listen(
  state: FakeState,
  cert: FakeCertificate,
  port: number,
  host: string,
): Promise<RunningServer> {
  const server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    route(state, req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'text/plain; charset=utf-8', `fake-slack error: ${String(error)}\n`);
    });
  });
  // Raw TCP sockets, so connections still in the TLS handshake are closed too.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Clients that hang up mid-handshake (or get a fault's reset) are not errors worth a crash.
  server.on('tlsClientError', () => {});

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('fake-slack: no TCP address');

  return {
    server,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      }),
  };
}
