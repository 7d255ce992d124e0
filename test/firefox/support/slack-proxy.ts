/**
 * A CONNECT proxy on loopback that tunnels Slack's hosts to the fake and refuses every other
 * host. Firefox is pointed at it by a PAC script naming only Slack's hosts, so the fake needs
 * no privileged port and nothing else the browser asks for leaves the machine.
 */
import { connect, createServer, type Socket } from 'node:net';

const SLACK_HOST = /^(?:[a-z0-9-]+\.)*(?:slack\.com|slack-gov\.com)$/i;

export interface SlackProxy {
  port: number;
  /** A `data:` PAC script sending only Slack's hosts to this proxy. */
  pacUrl: string;
  close: () => Promise<void>;
}

export async function startSlackProxy(fakePort: number): Promise<SlackProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      // Held until the tunnel is open; pipe() lets it flow again.
      client.pause();
      const [method, target] = head.subarray(0, end).toString('latin1').split(' ');
      const host = target?.replace(/:\d+$/, '') ?? '';
      if (method !== 'CONNECT' || !SLACK_HOST.test(host)) {
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const fake = connect(fakePort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length > 0) fake.write(rest);
        client.pipe(fake).pipe(client);
      });
      track(fake);
      fake.on('close', () => client.destroy());
      client.on('close', () => fake.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy did not bind.');
  const port = address.port;
  const pac = `function FindProxyForURL(url, host) {
  if (/${SLACK_HOST.source}/i.test(host)) return 'PROXY 127.0.0.1:${port}';
  return 'DIRECT';
}`;
  return {
    port,
    pacUrl: `data:text/javascript,${encodeURIComponent(pac)}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
