// How the transport-level messages of `createEndpointTransport` travel as WebSocket text
// (internal): their text form, defined with the messages themselves in
// src/endpoint/EndpointMessage.ts (`rxipc:hello`, `rxipc:frame:<seq>:<data>`,
// `rxipc:frames:<seq>:<length>,<length>,...:<data><data>...`), so no JSON is needed here and the
// frames stay as readable in devtools as the protocol made them.

export { messageFromText as fromText, messageToText as toText } from '../../endpoint/EndpointMessage.js';
