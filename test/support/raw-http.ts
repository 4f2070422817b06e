import { connect, type Socket } from 'node:net';

/** A request written by hand on a raw socket: a body announced but never finished, sent slowly, etc. */
export interface RawExchange {
  socket: Socket;
  /** Resolves with the status code of the first response line, whenever it comes. */
  status: Promise<number>;
  /** Resolves when the server closed the connection. */
  closed: Promise<void>;
}

export function rawRequest(port: number, head: string, body: Buffer | string = ''): RawExchange {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  let received = '';
  const status = new Promise<number>((resolve) => {
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      const line = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (line) resolve(Number(line[1]));
    });
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(head.replace(/\n/g, '\r\n'));
  if (body.length > 0) socket.write(body);
  return { socket, status, closed };
}

/** The head of a POST to /slack/events announcing `length` bytes, with the given extra header lines. */
export function postHead(length: number, headers: Record<string, string> = {}): string {
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\n`)
    .join('');
  return `POST /slack/events HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Length: ${length}\n${extra}\n`;
}
