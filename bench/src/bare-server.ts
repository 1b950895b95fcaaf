/**
 * A bare node:http server in its own process answering 202 with a small JSON
 * body: the ceiling of loopback HTTP with no ledger logic (no JWT check, no
 * JSON parsing). Sends its URL over IPC; exits on `exit`.
 */
import { createServer } from 'node:http';

const reply = Buffer.from('{"sync_run_id":"00000000-0000-4000-8000-000000000000"}');
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(202, { 'content-type': 'application/json', 'content-length': reply.length });
    res.end(reply);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.send?.({ url: `http://127.0.0.1:${address.port}`, cpu: 0 });
});
process.on('message', (message: { op: string }) => {
  if (message.op === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpu: user + system });
  } else {
    server.close();
    server.closeAllConnections();
    process.disconnect();
  }
});
