import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Soc2Server } from './server';

// `node dist/server.js --stdio` (or --node-ipc / --socket=N, as vscode-languageserver reads them).
const connection = createConnection(ProposedFeatures.all);
new Soc2Server(connection);
connection.listen();
