// The floors of bench:floors (floors.ts), in a process of their own so that their CPU is theirs: node:http
// answering a cached body of the asked size (GET /<bytes>), and a bare Socket.IO server that acks at once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const bodies = new Map<number, Buffer>();
const plain = http.createServer((req, res) => {
  const bytes = Number(req.url?.slice(1)) || 0;
  let body = bodies.get(bytes);
  if (!body) bodies.set(bytes, (body = Buffer.alloc(bytes, 'x')));
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
const socketServer = http.createServer();
const io = new Server(socketServer, { transports: ['websocket'] });
io.on('connection', (socket) => {
  socket.on('answer:save', (_payload: unknown, ack: (reply: unknown) => void) => ack({ results: [] }));
});
plain.listen(0, '127.0.0.1', () => {
  socketServer.listen(0, '127.0.0.1', () => {
    process.send?.({
      http: (plain.address() as AddressInfo).port,
      socket: (socketServer.address() as AddressInfo).port,
    });
  });
});
