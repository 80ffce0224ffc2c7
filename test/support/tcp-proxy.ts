import { AddressInfo, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy between the app and a service it depends on (PostgreSQL, Redis), so a test can take the service away
 * and bring it back without touching the real one, which other tests and people share. `cut()` acts as the service
 * stopping: open connections are closed and new ones are dropped as they arrive, until `restore()`.
 */
export class TcpProxy {
  private up = true;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const server = createServer((client) => proxy!.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new TcpProxy(server, (server.address() as AddressInfo).port);
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  cut(): void {
    this.up = false;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  restore(): void {
    this.up = true;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (!this.up) {
      client.destroy();
      return;
    }
    const upstream = new Socket();
    for (const socket of [client, upstream]) {
      this.open.add(socket);
      socket.on('error', () => undefined); // the other side going away is the point of this proxy
      socket.on('close', () => {
        this.open.delete(socket);
        (socket === client ? upstream : client).destroy();
      });
    }
    upstream.connect(target.port, target.host);
    client.pipe(upstream).pipe(client);
  }
}
