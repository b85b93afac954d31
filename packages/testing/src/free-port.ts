import { createServer } from 'node:net';

/** Asks the kernel for a free loopback port. */
export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => {
      resolve(false);
    });
    srv.listen(port, '127.0.0.1', () => {
      srv.close(() => {
        resolve(true);
      });
    });
  });
}

/** A cluster node also listens on its bus port, port + 10000. */
export const CLUSTER_BUS_OFFSET = 10000;
const LOW = 20000;
const HIGH = 30000;

/**
 * `count` ports whose bus ports are free too. Node ports come from 20000..29999, so bus ports
 * (30000..39999) can never collide with another node's port.
 */
export async function getFreeClusterPorts(count: number): Promise<number[]> {
  const start = LOW + Math.floor(Math.random() * (HIGH - LOW));
  const ports: number[] = [];
  for (let i = 0; i < HIGH - LOW && ports.length < count; i++) {
    const port = LOW + ((start - LOW + i) % (HIGH - LOW));
    if ((await isFree(port)) && (await isFree(port + CLUSTER_BUS_OFFSET))) ports.push(port);
  }
  if (ports.length < count) throw new Error(`only ${ports.length} of ${count} cluster ports free`);
  return ports;
}
