import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a server (Redis) that can break a connection at the worst moment: after the
 * server has run a command and before its reply reaches the client. A client then cannot know whether
 * the command ran; whether it sends it again after reconnecting is what a test can watch.
 */
export class CuttingProxy {
  private cut: { marker: string; done: () => void } | null = null;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(upstream: { host: string; port: number }): Promise<CuttingProxy> {
    const server = createServer();
    const proxy = new CuttingProxy(server);
    server.on('connection', (client) => proxy.relay(client, upstream));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * The next command whose bytes contain `marker` is passed on; the connection is then cut as soon as the
   * server's reply comes back, which is dropped. Resolves once cut.
   */
  cutAfterReplyTo(marker: string): Promise<void> {
    return new Promise((resolve) => {
      this.cut = { marker, done: resolve };
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, upstream: { host: string; port: number }): void {
    const server = connect(upstream.port, upstream.host);
    let cutOnReply: (() => void) | null = null;
    for (const socket of [client, server]) {
      this.sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        server.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      const cut = this.cut;
      if (cut && chunk.includes(cut.marker)) {
        this.cut = null;
        cutOnReply = cut.done;
      }
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      if (cutOnReply) {
        const done = cutOnReply;
        cutOnReply = null;
        client.destroy();
        server.destroy();
        done();
        return;
      }
      client.write(chunk);
    });
  }
}
