/**
 * The Worker's JavaScript heap, read through `wrangler dev`'s inspector (Chrome DevTools
 * Protocol): a full garbage collection first, so what is left is what the code keeps alive.
 * One connection for the whole run: while no client is connected, wrangler's inspector proxy
 * buffers every message of the runtime, and a late client first receives that whole backlog.
 * Node 20 has WebSocket behind --experimental-websocket (the bench script passes it).
 */

const CALL_TIMEOUT_MS = 30_000;

export interface HeapReader {
  /** Used heap in MB after a full collection, or undefined when the inspector did not answer. */
  usedMb(): Promise<number | undefined>;
  close(): void;
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    // wrangler's proxy wants a loopback Origin from a client that names itself (Node does).
    const socket = new WebSocket(url, { headers: { origin: 'http://127.0.0.1' } } as never);
    socket.addEventListener('open', () => resolve(socket), { once: true });
    socket.addEventListener('error', () => reject(new Error(`inspector unreachable at ${url}`)), {
      once: true,
    });
  });
}

interface Inspector {
  call(method: string): Promise<Record<string, unknown>>;
  close(): void;
}

/** One DevTools connection to the Worker through wrangler's inspector proxy. */
async function connectInspector(inspectorPort: number): Promise<Inspector> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no inspector target on port ${inspectorPort}`);
  const socket = await open(url);
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  });
  let lastId = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++lastId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer in ${CALL_TIMEOUT_MS} ms`));
      }, CALL_TIMEOUT_MS);
      pending.set(id, (result) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(result);
      });
      socket.send(JSON.stringify({ id, method }));
    });
  return { call, close: () => socket.close() };
}

export async function connectHeapReader(inspectorPort: number): Promise<HeapReader> {
  const inspector = await connectInspector(inspectorPort);
  return {
    async usedMb() {
      try {
        await inspector.call('HeapProfiler.collectGarbage');
        const usage = await inspector.call('Runtime.getHeapUsage');
        return typeof usage.usedSize === 'number' ? usage.usedSize / 1024 / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    close: inspector.close,
  };
}

/**
 * `wrangler dev` turns on the DevTools Network domain in the runtime, which then reports every
 * subrequest — each D1 call — to wrangler's inspector proxy, and the proxy keeps every report
 * while no DevTools client is connected. Under load that is most of the runtime's and the proxy's
 * work beyond the Worker's (and in a five-minute run it took the proxy past V8's heap limit);
 * a deployment has none of it. This turns the domain off for a load run and stays connected,
 * so what the runtime still reports is drained.
 */
export async function withoutNetworkTracing(inspectorPort: number): Promise<{ close(): void }> {
  const inspector = await connectInspector(inspectorPort);
  await inspector.call('Network.disable');
  return inspector;
}
