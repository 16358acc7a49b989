import { connect, type Socket } from 'node:net';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface SocketOutcome {
  /** Everything the server sent, as text. */
  text: string;
  /** How the connection ended: the server closed it cleanly (FIN), reset it, or left it open. */
  ending: 'closed' | 'reset' | 'open';
}

/** Sends `request` on a raw keep-alive socket and waits (up to `ms`) for the server to close the connection. */
function sendRaw(port: number, request: Buffer[], ms = 5000): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let text = '';
    let settled = false;
    const done = (ending: SocketOutcome['ending']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, ending });
    };
    const timer = setTimeout(() => done('open'), ms);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => done('closed'));
    socket.on('error', (err: NodeJS.ErrnoException) => done(err.code === 'ECONNRESET' || err.code === 'EPIPE' ? 'reset' : 'open'));
    socket.on('connect', () => {
      for (const part of request) socket.write(part);
    });
  });
}

const head = (length: number) =>
  Buffer.from(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`);

describe('a body over the limit', () => {
  it('is answered 413 with Connection: close, and the connection is closed cleanly, not reset', async () => {
    const port = Number(new URL(app.url).port);
    const length = 3 * 1024 * 1024;
    const body = Buffer.alloc(length, 'x');
    const next = Buffer.from('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const outcome = await sendRaw(port, [head(length), body, next]);
    expect(outcome.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(outcome.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(outcome.text).toContain('"code":"BAD_REQUEST"');
    // The request pipelined behind it is not answered on this connection: the client sees the close and reconnects.
    expect(outcome.text).not.toContain('"status":"ok"');
    expect(outcome.ending).toBe('closed');
  });

  it('declared too large is answered 413 at once, and the connection is closed', async () => {
    const port = Number(new URL(app.url).port);
    // Only the head: a client waiting before it sends a body of 100 MiB hears the refusal first.
    const outcome = await sendRaw(port, [head(100 * 1024 * 1024)]);
    expect(outcome.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(outcome.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(outcome.ending).toBe('closed');
  });

  it('leaves the server serving the next connection', async () => {
    const res = await fetch(app.url.replace('/graphql', '/health'));
    expect(res.status).toBe(200);
  });
});
