// The floor of the connection-peak run: a bare Socket.IO server (no auth, no adapter, no handlers)
// on node:http, so that memory per connection of an ExamTech instance has something to be compared with.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const server = http.createServer();
const io = new Server(server, { transports: ['websocket'] });
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'count') process.send?.({ type: 'count', sockets: io.engine.clientsCount });
});
